using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>The list of published cluster organisations (searching and facets come with the directory search).</summary>
public class DirectoryPageModel(ProfileQueries queries) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<ProfileSummary> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int CurrentPage { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public ProfileQueries Queries => queries;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        CurrentPage = page ?? 1;
        if (CurrentPage < 1)
        {
            return BadRequest();
        }
        (Items, Total) = await queries.ListPublishedAsync(CurrentPage, PageSize, cancellationToken);
        return Page();
    }
}
