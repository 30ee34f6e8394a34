using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Moderation;

/// <summary>The profiles that wait for validation, the longest waiting first; after a decision, what was decided.</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class ModerationQueuePageModel(ModerationQueries queries, ClusterAtlasDbContext db) : PageModel
{
    /// <summary>The profile just decided on, to confirm the decision.</summary>
    public sealed record Decided(string Name, string Slug, ProfileStatus Status);

    public Paged<QueueEntry> Queue { get; private set; } = null!;
    public Decided? Done { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, int? decided, CancellationToken cancellationToken)
    {
        Queue = await queries.QueueAsync(pageNumber, cancellationToken);
        if (decided is { } id)
        {
            Done = await db.ClusterOrganisations.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new Decided(p.Name, p.Slug, p.Status)).SingleOrDefaultAsync(cancellationToken);
        }
    }
}
