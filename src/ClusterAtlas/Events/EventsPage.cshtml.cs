using ClusterAtlas.Caching;
using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>
/// Upcoming (soonest first) or past (newest first) published events, in the directory's style: full text, facets with
/// counts, paging, the whole state in the query string, a plain GET form that needs no script.
/// </summary>
[PublicCache(ContentTags.Events, ContentTags.Profiles, ContentTags.Vocabularies)]
public class EventsPageModel(EventSearch search, ProfileColleagues colleagues, EventEditor editor) : PageModel
{
    public const string Path = "/events";

    public EventQuery Query { get; private set; } = new(new ClusterDirectory.SearchQuery(), false);
    public EventSearchResult? Found { get; private set; }
    public IReadOnlyDictionary<string, Pages.ParameterError[]> Errors { get; private set; } = new Dictionary<string, Pages.ParameterError[]>();
    public EventSearch Search => search;

    /// <summary>The published profiles the signed-in member may submit events for.</summary>
    public IReadOnlyList<AdministeredProfile> SubmitFor { get; private set; } = [];
    public bool IsTeam { get; private set; }

    public int PageCount => Found is null ? 0 : Math.Max(1, (Found.Total + Query.Search.PageSize - 1) / Query.Search.PageSize);

    public static IReadOnlyList<(string Facet, string Title)> FacetTitles(IStringLocalizer T) =>
    [
        (EventQuery.Kind, T["Kind"]),
        (EventQuery.Format, T["Online or in person"]),
        (EventQuery.Sector, T["Sectoral industry"]),
        (EventQuery.Country, T["Country"]),
        (EventQuery.Tag, T["Tags"]),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (Query, Errors) = EventQuery.Parse(Request.Query);
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
            SubmitFor = [.. (await colleagues.AdministeredByAsync(userId, cancellationToken)).Where(p => p.Status == Profiles.ProfileStatus.Published)];
            IsTeam = await editor.IsTeamAsync(User);
        }
        return Page();
    }
}
