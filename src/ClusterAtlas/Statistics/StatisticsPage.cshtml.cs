using ClusterAtlas.Caching;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Map;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Statistics;

/// <summary>
/// The statistics of the directory's results (the same query string as the directory): a table per question,
/// each with a CSV download; with JavaScript, Chart.js draws each table as a chart above it.
/// </summary>
[PublicCache(ContentTags.Profiles, ContentTags.Vocabularies)]
public class StatisticsPageModel(DirectorySearch search, ClusterStatistics statistics, Data.ClusterAtlasDbContext db, Network.NetworkIndex network) : PageModel
{
    /// <summary>
    /// The most rows a table shows on the page (the largest first); its CSV file has them all. The region table of a
    /// large directory has thousands of rows, which made the page half a megabyte.
    /// </summary>
    public const int RowsShown = 50;

    public ResultsView Results { get; private set; } = null!;
    public IReadOnlyList<StatisticsTable> Tables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Results = await ResultsView.ReadWithNamesAsync(Request, search, db, cancellationToken);
        if (Results.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Tables = statistics.Compute(Results, await network.CurrentAsync(cancellationToken));
        return Page();
    }
}
