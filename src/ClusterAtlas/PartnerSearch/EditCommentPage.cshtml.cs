using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>A comment's author changes its text within 15 minutes of posting it; nobody else, and not later.</summary>
[Authorize]
public class EditCommentPageModel(PostingActivity activity, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public PostingComment Comment { get; private set; } = null!;

    /// <summary>The author came too late: the page says so and offers no form.</summary>
    public bool WindowOver { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int postingId, int commentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(postingId, commentId, cancellationToken) is { } refused)
        {
            return refused;
        }
        Text = Comment.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int postingId, int commentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(postingId, commentId, cancellationToken) is { } refused)
        {
            return refused;
        }
        switch (await activity.EditCommentAsync(Comment, User.UserId()!, Text, cancellationToken))
        {
            case ActivityOutcome.Done:
                return Redirect($"/partner-search/{postingId}#comment-{commentId}");
            case ActivityOutcome.EditWindowOver:
                WindowOver = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                ModelState.AddModelError(nameof(Text), T["Write a comment of at most {0} characters.", PostingComment.MaxTextLength]);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int postingId, int commentId, CancellationToken cancellationToken)
    {
        var comment = await activity.FindCommentAsync(postingId, commentId, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }
        // Only the comment's author; a removed comment is no one's to edit.
        if (comment.AuthorUserId is null || comment.AuthorUserId != User.UserId() || comment.IsRemoved)
        {
            return Forbid();
        }
        Comment = comment;
        WindowOver = !comment.MayBeEditedBy(User.UserId(), clock.GetUtcNow());
        return null;
    }
}
