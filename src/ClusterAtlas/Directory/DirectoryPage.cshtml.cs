using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The directory: search box, facets, sorting and paging, all in the query string so links can be shared and
/// the back button works. Without JavaScript it is a plain GET form; with it, results follow the typing
/// (the script asks for <c>fragment=results</c> and swaps the results region).
/// </summary>
public class DirectoryPageModel(DirectorySearch search, CountryList countries) : PageModel
{
    public DirectorySearchResult? Found { get; private set; }
    public SearchQuery Query { get; private set; } = new();
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public CountryList Countries => countries;

    public int PageCount => Found is null ? 0 : Math.Max(1, (Found.Result.Total + Query.PageSize - 1) / Query.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(Request.Query, Facet.All, ignored: ["fragment"]);
        Query = parsed.Query;
        Errors = parsed.Errors;
        if (parsed.IsValid)
        {
            Found = await search.SearchAsync(Query, cancellationToken);
            Errors = Found.Errors;
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        if (Request.Query["fragment"] == "results")
        {
            return Partial("/Directory/_Results.cshtml", this);
        }
        return Page();
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
