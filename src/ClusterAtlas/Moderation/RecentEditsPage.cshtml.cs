using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Moderation;

/// <summary>
/// The feed of changes to published profiles (which go live at once), newest first, each with its diff, a button that
/// marks it as reviewed and a link to revert some or all of its fields. By default it shows what nobody has reviewed
/// yet, so that it shrinks as the team works through it; ?show=all shows every change with who reviewed it.
/// </summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class RecentEditsPageModel(ModerationQueries queries, ModerationWorkflow workflow, ClusterAtlasDbContext db) : PageModel
{
    public const string ShowAll = "all";

    public Paged<EditEntry> Edits { get; private set; } = null!;

    /// <summary>Every change, reviewed ones too (else only those not reviewed yet).</summary>
    public bool All { get; private set; }

    /// <summary>The profile whose change was just reverted, to confirm it.</summary>
    public string? RevertedProfile { get; private set; }

    /// <summary>How many changes were just marked as reviewed, to confirm it.</summary>
    public int? Reviewed { get; private set; }

    /// <summary>The query string of this view (filter and page), for links and forms that come back to it.</summary>
    public string ViewQuery(int? page = null) => (All ? "show=all&" : "") + $"page={page ?? Edits.Page}";

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, string? show, long? reverted, int? reviewed, CancellationToken cancellationToken)
    {
        // A page number that is not one (?page=x) shows the first page, not a form error.
        ModelState.Clear();
        All = show == ShowAll;
        Edits = await queries.EditsAsync(pageNumber, All, cancellationToken);
        Reviewed = reviewed;
        if (reverted is { } id)
        {
            RevertedProfile = await db.ProfileRevisions.AsNoTracking().Where(r => r.Id == id)
                .Select(r => r.ClusterOrganisation.Name).SingleOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>A post that names no action.</summary>
    public IActionResult OnPost() => BadRequest();

    public Task<IActionResult> OnPostMarkReviewedAsync(long revisionId, [FromQuery(Name = "page")] int pageNumber, string? show, CancellationToken cancellationToken) =>
        MarkAsync([revisionId], pageNumber, show, cancellationToken);

    /// <summary>Marks the changes the page showed (their ids are in the form), not whatever arrived since.</summary>
    public Task<IActionResult> OnPostMarkAllReviewedAsync(long[] revisionIds, [FromQuery(Name = "page")] int pageNumber, string? show, CancellationToken cancellationToken) =>
        MarkAsync(revisionIds, pageNumber, show, cancellationToken);

    private async Task<IActionResult> MarkAsync(long[] revisionIds, int pageNumber, string? show, CancellationToken cancellationToken)
    {
        if (revisionIds.Length is 0 or > ModerationQueries.EditsPageSize)
        {
            return BadRequest();
        }
        var marked = await workflow.MarkReviewedAsync(revisionIds, User, cancellationToken);
        var query = (show == ShowAll ? "show=all&" : "") + $"page={Math.Max(1, pageNumber)}";
        return Redirect($"/moderation/edits?{query}&reviewed={marked}");
    }
}
