using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Contact;

/// <summary>
/// Contact requests that recipients reported as spam, for moderators (with two-factor authentication): dismiss the
/// report, or block the sender from contact requests with a reason; and the blocked senders, whose block can be lifted.
/// </summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class ContactReportsPageModel(ContactModeration moderation, IStringLocalizer<SharedResource> T) : PageModel
{
    public IReadOnlyList<ReportedRequest> Reports { get; private set; } = [];
    public IReadOnlyList<BlockedSender> Blocks { get; private set; } = [];

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The report a refused form belonged to, to show its error beside it.</summary>
    public int? FailedRequestId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDismissAsync(int requestId, CancellationToken cancellationToken) =>
        await moderation.DismissAsync(requestId, User, Reason, cancellationToken) ? Redirect("/moderation/contact-reports?done=dismissed") : NotFound();

    public async Task<IActionResult> OnPostBlockAsync(int requestId, CancellationToken cancellationToken)
    {
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ContactRequest.MaxReasonLength)
        {
            FailedRequestId = requestId;
            ModelState.AddModelError(nameof(Reason), string.IsNullOrEmpty(reason)
                ? T["Give the reason for blocking the sender."]
                : T["The reason is longer than {0} characters.", ContactRequest.MaxReasonLength]);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await moderation.BlockSenderAsync(requestId, User, reason, cancellationToken) ? Redirect("/moderation/contact-reports?done=blocked") : NotFound();
    }

    public async Task<IActionResult> OnPostUnblockAsync(string userId, CancellationToken cancellationToken)
    {
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(Reason), T["Give the reason for lifting the block."]);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await moderation.UnblockAsync(userId, reason, cancellationToken) ? Redirect("/moderation/contact-reports?done=unblocked") : NotFound();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Reports = await moderation.OpenReportsAsync(cancellationToken);
        Blocks = await moderation.BlocksAsync(cancellationToken);
    }
}
