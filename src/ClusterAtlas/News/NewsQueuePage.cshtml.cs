using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.News;

/// <summary>The news that waits for review (the longest waiting first), the editorial team's own drafts and the items sent back.</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class NewsQueuePageModel(NewsQueries queries) : PageModel
{
    public IReadOnlyList<NewsSummary> Waiting { get; private set; } = [];

    public IReadOnlyList<NewsSummary> Drafts { get; private set; } = [];

    public IReadOnlyList<NewsSummary> SentBack { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Waiting = await queries.WithStatusAsync(NewsStatus.Submitted, 100, cancellationToken);
        Drafts = await queries.EditorialDraftsAsync(50, cancellationToken);
        SentBack = await queries.WithStatusAsync(NewsStatus.SentBack, 50, cancellationToken);
        Done = done;
    }
}
