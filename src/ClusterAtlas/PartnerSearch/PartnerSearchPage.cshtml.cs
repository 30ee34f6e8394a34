using ClusterAtlas.Caching;
using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// The open partner searches, in the directory's style: full text, facets with counts, sort and paging, the whole state
/// in the query string, a plain GET form that needs no script, filters behind a disclosure on a phone.
/// </summary>
[PublicCache(ContentTags.Postings, ContentTags.Profiles, ContentTags.Vocabularies)]
public class PartnerSearchPageModel(PostingSearch search, ProfileColleagues colleagues) : PageModel
{
    public const string Path = "/partner-search";

    public PostingQuery Query { get; private set; } = new(new ClusterDirectory.SearchQuery(), null);
    public PostingSearchResult? Found { get; private set; }
    public IReadOnlyDictionary<string, Pages.ParameterError[]> Errors { get; private set; } = new Dictionary<string, Pages.ParameterError[]>();
    public PostingSearch Search => search;

    /// <summary>The profiles the signed-in member may post for.</summary>
    public IReadOnlyList<AdministeredProfile> PostFor { get; private set; } = [];

    public int PageCount => Found is null ? 0 : Math.Max(1, (Found.Total + Query.Search.PageSize - 1) / Query.Search.PageSize);

    /// <summary>The facets in the order the page shows them, with their titles in the page's language.</summary>
    public static IReadOnlyList<(string Facet, string Title)> FacetTitles(IStringLocalizer T) =>
    [
        (PostingQuery.Kind, T["Kind"]),
        (PostingQuery.Intent, T["Intent"]),
        (PostingQuery.Sector, T["Sectoral industry"]),
        (PostingQuery.Technology, T["Technology field"]),
        (PostingQuery.Target, T["Target countries"]),
        (PostingQuery.Country, T["Posted from"]),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (Query, Errors) = PostingQuery.Parse(Request.Query);
        if (Errors.Count == 0)
        {
            Errors = await search.UnknownValuesAsync(Query, cancellationToken);
        }
        if (Errors.Count == 0)
        {
            Found = await search.SearchAsync(Query, cancellationToken);
            if (Query.Search.Page > PageCount)
            {
                return Redirect(Path + (Query with { Search = Query.Search with { Page = PageCount } }).ToQueryString(page: PageCount));
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        if (User.UserId() is { } userId)
        {
            PostFor = [.. (await colleagues.AdministeredByAsync(userId, cancellationToken)).Where(p => p.Status == Profiles.ProfileStatus.Published)];
        }
        return Page();
    }
}
