using ClusterAtlas.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>The events that wait for the platform team, for the moderation queue's page; after a decision, what was decided.</summary>
public sealed class EventQueueViewComponent(ClusterAtlasDbContext db) : ViewComponent
{
    public sealed record Entry(int Id, string Slug, string Title, string? Organiser, DateTimeOffset StartsAt, DateTimeOffset SubmittedAt);

    public sealed record Model(IReadOnlyList<Entry> Waiting, ClusterEvent? Decided);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var waiting = await db.Set<ClusterEvent>().AsNoTracking()
            .Where(e => e.Status == EventStatus.Submitted)
            .OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id)
            .Take(100)
            .Select(e => new Entry(e.Id, e.Slug, e.Title, e.OrganiserProfile == null ? null : e.OrganiserProfile.Name, e.StartsAt, e.UpdatedAt))
            .ToListAsync(cancellationToken);
        ClusterEvent? decided = null;
        if (int.TryParse(Request.Query["decidedEvent"], out var id))
        {
            decided = await db.Set<ClusterEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        }
        return View("/Events/_EventQueue.cshtml", new Model(waiting, decided));
    }
}
