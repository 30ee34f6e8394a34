using ClusterAtlas.Caching;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>
/// An event's page: public once published; before that (or when sent back) only its organiser's editors and the
/// platform team see it, with its state. Signed-in administrators of published profiles can say they will be there.
/// </summary>
[PublicCache(ContentTags.Events, ContentTags.Profiles, ContentTags.Vocabularies)]
public class EventPageModel(ClusterAtlasDbContext db, EventEditor editor, EventAttendances attendances, ProfileColleagues colleagues) : PageModel
{
    public sealed record AttendanceChoice(string Slug, string Name, bool Attends);

    public ClusterEvent Event { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<EventAttendances.Attendee> Attendees { get; private set; } = [];
    public IReadOnlyList<AttendanceChoice> Choices { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public bool IsTeam { get; private set; }
    public bool IsPast => Event.EndsAt < editor.Now;

    public async Task<IActionResult> OnGetAsync(string eventSlug, string? done, CancellationToken cancellationToken)
    {
        var e = await db.Set<ClusterEvent>().AsNoTracking().Include(x => x.OrganiserProfile).SingleOrDefaultAsync(x => x.Slug == eventSlug, cancellationToken);
        if (e is null)
        {
            return NotFound();
        }
        MayEdit = User.Identity?.IsAuthenticated == true && await editor.MayEditAsync(User, e);
        if (e.Status != EventStatus.Published && !MayEdit)
        {
            return NotFound();
        }
        IsTeam = MayEdit && await editor.IsTeamAsync(User);
        Event = e;
        Zone = EventTime.Zone(e.TimeZone) ?? TimeZoneInfo.Utc;
        Attendees = await attendances.ListAsync(e.Id, cancellationToken);
        if (e.Status == EventStatus.Published && User.UserId() is { } userId)
        {
            var attending = Attendees.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
            Choices = [.. (await colleagues.AdministeredByAsync(userId, cancellationToken))
                .Where(p => p.Status == ProfileStatus.Published)
                .Select(p => new AttendanceChoice(p.Slug, p.Name, attending.Contains(p.Slug)))];
        }
        ViewData["Done"] = done;
        return Page();
    }
}
