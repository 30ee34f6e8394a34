using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>"We will be there" (or no longer): posted by an administrator or colleague of the profile, for a published event.</summary>
[Authorize]
public class AttendancePageModel(ClusterAtlasDbContext db, IAuthorizationService authorization, EventAttendances attendances) : PageModel
{
    public async Task<IActionResult> OnPostAsync(string eventSlug, string? profile, bool attends, CancellationToken cancellationToken)
    {
        var e = await db.Set<ClusterEvent>().AsNoTracking().SingleOrDefaultAsync(x => x.Slug == eventSlug && x.Status == EventStatus.Published, cancellationToken);
        var organisation = profile is null ? null
            : await db.ClusterOrganisations.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == profile && p.Status == ProfileStatus.Published, cancellationToken);
        if (e is null || organisation is null)
        {
            return NotFound();
        }
        if (!await authorization.MayEditAsync(User, organisation))
        {
            return Forbid();
        }
        await attendances.SetAsync(e, organisation, attends, User, cancellationToken);
        return Redirect($"/events/{e.Slug}?done={(attends ? "attending" : "not-attending")}#attendees");
    }
}
