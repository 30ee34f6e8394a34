using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>A moderator removes a comment, giving the reason (shown in its place and mailed to its author).</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class RemoveCommentPageModel(PostingActivity activity, PostingEditor editor, IStringLocalizer<SharedResource> T) : PageModel
{
    public PostingComment Comment { get; private set; } = null!;
    public PartnerSearchPosting Posting { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int postingId, int commentId, CancellationToken cancellationToken) =>
        await LoadAsync(postingId, commentId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int postingId, int commentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(postingId, commentId, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (await activity.RemoveCommentAsync(Posting, Comment, User, Reason, cancellationToken) != ActivityOutcome.Done)
        {
            ModelState.AddModelError(nameof(Reason), T["Give the reason, in at most {0} characters: it is shown in the comment's place.", PostingComment.MaxReasonLength]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/partner-search/{postingId}?done=removed#comment-{commentId}");
    }

    private async Task<IActionResult?> LoadAsync(int postingId, int commentId, CancellationToken cancellationToken)
    {
        var posting = await editor.FindAsync(postingId, cancellationToken);
        var comment = posting is null ? null : await activity.FindCommentAsync(postingId, commentId, cancellationToken);
        if (posting is null || comment is null)
        {
            return NotFound();
        }
        Posting = posting;
        Comment = comment;
        return null;
    }
}
