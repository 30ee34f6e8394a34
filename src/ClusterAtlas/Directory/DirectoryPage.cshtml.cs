using ClusterAtlas.Caching;
using System.Globalization;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The directory: search box, facets, sorting and paging, all in the query string so links can be shared and
/// the back button works. Without JavaScript it is a plain GET form; with it, results follow the typing
/// (the script asks for <c>fragment=results</c> and swaps the results and the filters together).
/// Parameters the page does not know (tracking tags that links pick up) are ignored; the API refuses them.
/// </summary>
[PublicCache(ContentTags.Profiles, ContentTags.Vocabularies)]
public class DirectoryPageModel(DirectorySearch search, CountryList countries) : PageModel
{
    public DirectorySearchResult? Found { get; private set; }
    public SearchQuery Query { get; private set; } = new();
    public IReadOnlyDictionary<string, Pages.ParameterError[]> Errors { get; private set; } = new Dictionary<string, Pages.ParameterError[]>();
    public CountryList Countries => countries;

    public int PageCount => Found is null ? 0 : Math.Max(1, (Found.Result.Total + Query.PageSize - 1) / Query.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(Request.Query, Facet.All, ignoreUnknown: true);
        Query = parsed.Query;
        Errors = parsed.Errors;
        var fragment = Request.Query["fragment"] == "results";
        if (parsed.IsValid)
        {
            Found = await search.SearchAsync(Query, cancellationToken);
            Errors = Found.Errors;
            // An old link or a shrunk result list can point past the end: show the last page rather than none.
            if (Found.IsValid && Query.Page > PageCount)
            {
                if (!fragment)
                {
                    return Redirect("/cluster-organisations" + Query.ToQueryString(page: PageCount));
                }
                Query = Query with { Page = PageCount };
                Found = await search.AnotherPageAsync(Found, PageCount, cancellationToken);
            }
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        if (fragment)
        {
            return Partial("/Directory/_Update.cshtml", this);
        }
        return Page();
    }

    /// <summary>The page's title, also sent with each update so the browser tab follows the search.</summary>
    public string TitleIn(IStringLocalizer<SharedResource> T) =>
        string.IsNullOrWhiteSpace(Query.Q) ? T["Cluster Organisations"] : string.Format(CultureInfo.CurrentCulture, T["“{0}” in Cluster Organisations"], Query.Q);

    /// <summary>
    /// The name "Save this search" suggests: the words and each filter as the active filters name it ("metal · Serbia"),
    /// so that a saved search of words and a country is not listed as if it were of the words alone.
    /// </summary>
    public string SavedSearchNameIn(IStringLocalizer<SharedResource> T, Localisation.DataLabels labels)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query.Q))
        {
            parts.Add(Query.Q.Trim());
        }
        foreach (var (facet, values) in Query.Filters)
        {
            parts.AddRange(values.Select(value => labels.FacetValue(facet, value,
                Found?.Result.Facets.GetValueOrDefault(facet)?.FirstOrDefault(v => v.Value == value)?.Name)));
        }
        var name = parts.Count == 0 ? T["Cluster Organisations"].Value : string.Join(" · ", parts);
        return name.Length <= Notifications.SavedSearch.MaxNameLength ? name : name[..(Notifications.SavedSearch.MaxNameLength - 1)] + "…";
    }

    public static readonly IReadOnlyList<(string Facet, string Title)> FacetTitles =
    [
        (Facet.Country, "Country"),
        (Facet.Region, "Region"),
        (Facet.Sector, "Sectoral industry"),
        (Facet.Technology, "Technology field"),
        (Facet.S3, "S3 EU priority area"),
        (Facet.Label, "Cluster Excellence Label"),
        (Facet.Service, "Support services"),
        (Facet.Members, "Number of members"),
        (Facet.CooperatesWith, "Cooperates with"),
    ];
}
