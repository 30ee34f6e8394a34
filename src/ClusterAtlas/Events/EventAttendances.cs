using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>"We will be there": the cluster organisations that will attend an event, and a profile's coming events.</summary>
public sealed class EventAttendances(ClusterAtlasDbContext db, TimeProvider clock)
{
    public sealed record Attendee(string Slug, string Name);

    /// <summary>A profile's coming event: one it organises or will attend.</summary>
    public sealed record ProfileEvent(string Slug, string Title, EventKind Kind, DateTimeOffset StartsAt, string TimeZone, bool Organises);

    /// <summary>The published profiles that will attend, by name.</summary>
    public async Task<IReadOnlyList<Attendee>> ListAsync(int eventId, CancellationToken cancellationToken) =>
        await db.Set<EventAttendance>().AsNoTracking()
            .Where(a => a.EventId == eventId && a.Profile.Status == ProfileStatus.Published)
            .OrderBy(a => a.Profile.Name)
            .Select(a => new Attendee(a.Profile.Slug, a.Profile.Name))
            .ToListAsync(cancellationToken);

    /// <summary>Marks (or unmarks) that the profile will attend; idempotent.</summary>
    public async Task SetAsync(ClusterEvent e, ClusterOrganisation profile, bool attends, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var existing = await db.Set<EventAttendance>().SingleOrDefaultAsync(a => a.EventId == e.Id && a.ProfileId == profile.Id, cancellationToken);
        if (attends && existing is null)
        {
            db.Add(new EventAttendance { EventId = e.Id, ProfileId = profile.Id, MarkedByUserId = user.UserId(), MarkedAt = clock.GetUtcNow() });
        }
        else if (!attends && existing is not null)
        {
            db.Remove(existing);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The published events, not yet over, that the profile organises or will attend, soonest first.</summary>
    public async Task<IReadOnlyList<ProfileEvent>> UpcomingOfProfileAsync(int profileId, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Set<ClusterEvent>().AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.EndsAt >= now
                && (e.OrganiserProfileId == profileId || e.Attendances.Any(a => a.ProfileId == profileId)))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Take(count)
            .Select(e => new ProfileEvent(e.Slug, e.Title, e.Kind, e.StartsAt, e.TimeZone, e.OrganiserProfileId == profileId))
            .ToListAsync(cancellationToken);
    }
}
