using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Moderation;

/// <summary>
/// The feed of changes to published profiles (which go live at once), newest first, each with its diff and a button
/// that reverts it.
/// </summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class RecentEditsPageModel(ModerationQueries queries, ModerationWorkflow workflow, ClusterAtlasDbContext db) : PageModel
{
    public Paged<EditEntry> Edits { get; private set; } = null!;

    /// <summary>The profile whose change was just reverted, to confirm it.</summary>
    public string? RevertedProfile { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, long? reverted, CancellationToken cancellationToken)
    {
        // A page number that is not one (?page=x) shows the first page, not a form error.
        ModelState.Clear();
        Edits = await queries.EditsAsync(pageNumber, cancellationToken);
        if (reverted is { } id)
        {
            RevertedProfile = await db.ProfileRevisions.AsNoTracking().Where(r => r.Id == id)
                .Select(r => r.ClusterOrganisation.Name).SingleOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>A post that names no action.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostRevertAsync(long revisionId, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        var revision = await db.ProfileRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is null)
        {
            return NotFound();
        }
        var result = await workflow.RevertAsync(revision, User, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/moderation/edits?reverted={revisionId}");
        }
        ModelState.AddModelError(string.Empty, result.Error!);
        Edits = await queries.EditsAsync(pageNumber, cancellationToken);
        return Page();
    }
}
