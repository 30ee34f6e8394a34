using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Contact;

/// <summary>
/// One conversation, for its two sides only: the sender and the current administrators of the profile written to
/// (anyone else, moderators included, gets 404; moderators see reported requests on their own page). Opening it marks
/// it read for the reader's side; either side answers (the other is mailed); a recipient reports it as spam.
/// </summary>
[Authorize]
public class ConversationPageModel(ContactRequests requests, IStringLocalizer<SharedResource> T) : PageModel
{
    public Conversation Conversation { get; private set; } = null!;

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? ReportReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int requestId, CancellationToken cancellationToken)
    {
        if (await requests.OpenAsync(requestId, User.UserId()!, cancellationToken) is not { } conversation)
        {
            return NotFound();
        }
        Conversation = conversation;
        await requests.MarkReadAsync(conversation, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(int requestId, CancellationToken cancellationToken)
    {
        if (await requests.OpenAsync(requestId, User.UserId()!, cancellationToken) is not { } conversation)
        {
            return NotFound();
        }
        Conversation = conversation;
        var result = await requests.AnswerAsync(conversation, User, Answer, cancellationToken);
        if (result.Limit is { } limit)
        {
            Response.Headers.RetryAfter = limit.RetryAfterSeconds(DateTimeOffset.UtcNow);
            ModelState.AddModelError(nameof(Answer), ContactLimitText.Answers(T, limit));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (result.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Answer), problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/account/inbox/{requestId}?done=answered");
    }

    public async Task<IActionResult> OnPostReportAsync(int requestId, CancellationToken cancellationToken)
    {
        if (await requests.OpenAsync(requestId, User.UserId()!, cancellationToken) is not { } conversation)
        {
            return NotFound();
        }
        if (conversation.IAmSender)
        {
            // Only a recipient reports a request; its sender cannot.
            return Forbid();
        }
        await requests.ReportAsync(conversation, User, ReportReason, cancellationToken);
        return Redirect($"/account/inbox/{requestId}?done=reported");
    }

    public string DoneMessage => Done switch
    {
        "sent" => T["Your request is sent: the profile's administrators have it by e-mail and in their inbox."],
        "answered" => T["Your answer is sent."],
        "reported" => T["The request is reported: the moderators will look at it."],
        _ => T["Done."],
    };
}
