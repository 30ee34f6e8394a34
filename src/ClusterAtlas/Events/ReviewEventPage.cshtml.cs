using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>The platform team publishes an event or sends it back with the reason (the submitter is told by e-mail).</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class ReviewEventPageModel(ClusterAtlasDbContext db, EventModeration moderation) : PageModel
{
    public ClusterEvent Event { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int eventId, CancellationToken cancellationToken) =>
        await LoadAsync(eventId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int eventId, CancellationToken cancellationToken) =>
        await DecideAsync(eventId, () => moderation.PublishAsync(Event, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSendBackAsync(int eventId, CancellationToken cancellationToken) =>
        await DecideAsync(eventId, () => moderation.SendBackAsync(Event, Reason, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(int eventId, Func<Task<ModerationResult>> decide, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(eventId, cancellationToken))
        {
            return NotFound();
        }
        var result = await decide();
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field ?? "", result.Error!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/moderation?decidedEvent={Event.Id}");
    }

    private async Task<bool> LoadAsync(int eventId, CancellationToken cancellationToken)
    {
        var e = await db.Set<ClusterEvent>().Include(x => x.OrganiserProfile).SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null)
        {
            return false;
        }
        Event = e;
        return true;
    }
}
