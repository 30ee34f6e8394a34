using ClusterAtlas.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls;

/// <summary>
/// The calls, in the directory's style: full text, facets with counts and paging, the whole state in the query string,
/// a plain GET form that needs no script, filters behind a disclosure on a phone.
/// </summary>
[PublicCache(ContentTags.Calls, ContentTags.Vocabularies)]
public class CallsPageModel(CallSearch search, TimeProvider clock) : PageModel
{
    public const string Path = "/calls";

    public CallQuery Query { get; private set; } = new(new ClusterDirectory.SearchQuery(), false);
    public CallSearchResult? Found { get; private set; }
    public IReadOnlyDictionary<string, Pages.ParameterError[]> Errors { get; private set; } = new Dictionary<string, Pages.ParameterError[]>();
    public CallSearch Search => search;
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public int PageCount => Found is null ? 0 : Math.Max(1, (Found.Total + Query.Search.PageSize - 1) / Query.Search.PageSize);

    public static IReadOnlyList<(string Facet, string Title)> FacetTitles(IStringLocalizer T) =>
    [
        (CallQuery.Programme, T["Programme"]),
        (CallQuery.Sector, T["Sectoral industry"]),
        (CallQuery.Technology, T["Technology field"]),
        (CallQuery.S3Area, T["S3 EU priority areas"]),
        (CallQuery.Country, T["Eligible countries"]),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (Query, Errors) = CallQuery.Parse(Request.Query);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Found = await search.SearchAsync(Query, cancellationToken);
        if (Query.Search.Page > PageCount)
        {
            return Redirect(Path + Query.ToQueryString(page: PageCount));
        }
        return Page();
    }
}
