using ClusterAtlas.Accounts;
using ClusterAtlas.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The platform team writes an editorial newsletter: subject and Markdown (no raw HTML), saved as a draft with a preview,
/// a test to their own address, then, after ticking the confirmation, sent once to every confirmed subscriber.
/// </summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class EditorialPageModel(EditorialNewsletters editorials, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> T) : PageModel
{
    public const string NewPath = "/admin/newsletter/editorial";

    public static string PathOf(int id) => $"{NewPath}/{id}";

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    /// <summary>The "I confirm sending to every subscriber" box of the send button.</summary>
    [BindProperty]
    public bool ConfirmSend { get; set; }

    public NewsletterIssue? Draft { get; private set; }

    public int Subscribers { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? issueId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(issueId, cancellationToken))
        {
            return NotFound();
        }
        Subject = Draft?.Subject;
        Body = Draft?.BodyMarkdown;
        Done = Request.Query["saved"] == "1" ? T["The draft is saved. Check the preview below, send a test to yourself, then send it."].Value : null;
        Subscribers = await editorials.ConfirmedSubscribersAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? issueId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(issueId, cancellationToken))
        {
            return NotFound();
        }
        if (Draft?.SentAt is not null)
        {
            return await SentAlreadyAsync(cancellationToken);
        }
        var subject = Subject?.Trim() ?? "";
        var body = Body ?? "";
        if (subject.Length is 0 or > NewsletterIssue.MaxSubjectLength)
        {
            ModelState.AddModelError(nameof(Subject), T["Subject: write one of at most {0} characters.", NewsletterIssue.MaxSubjectLength]);
        }
        if (string.IsNullOrWhiteSpace(body) || body.Length > NewsletterIssue.MaxBodyLength)
        {
            ModelState.AddModelError(nameof(Body), T["Text: write one of at most {0} characters.", NewsletterIssue.MaxBodyLength]);
        }
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Subscribers = await editorials.ConfirmedSubscribersAsync(cancellationToken);
            return Page();
        }
        var saved = await editorials.SaveAsync(Draft, subject, body, users.GetUserId(User)!, cancellationToken);
        return Redirect(PathOf(saved.Id) + "?saved=1");
    }

    public async Task<IActionResult> OnPostTestAsync(int? issueId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(issueId, cancellationToken) || Draft is null)
        {
            return NotFound();
        }
        var user = await users.GetUserAsync(User);
        if (user?.Email is not { } email)
        {
            return Forbid();
        }
        await editorials.TestAsync(Draft, email, user.PreferredLanguage ?? System.Globalization.CultureInfo.CurrentUICulture.Name, cancellationToken);
        Done = T["A test is on its way to {0}.", email];
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSendAsync(int? issueId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(issueId, cancellationToken) || Draft is null)
        {
            return NotFound();
        }
        if (!ConfirmSend)
        {
            ModelState.AddModelError(nameof(ConfirmSend), T["Tick the box to confirm that this newsletter goes to every subscriber."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(cancellationToken);
        }
        if (await editorials.SendAsync(Draft.Id, cancellationToken) is not { } count)
        {
            return await SentAlreadyAsync(cancellationToken);
        }
        Draft = await editorials.FindAsync(Draft.Id, cancellationToken);
        Done = T.Plural(count, T["The newsletter is on its way to {0} subscriber."], T["The newsletter is on its way to {0} subscribers.|few"], T["The newsletter is on its way to {0} subscribers."]);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> SentAlreadyAsync(CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddModelError(string.Empty, T["This newsletter was sent already; it is not sent again."]);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Subject = Draft?.Subject;
        Body = Draft?.BodyMarkdown;
        Subscribers = await editorials.ConfirmedSubscribersAsync(cancellationToken);
        return Page();
    }

    /// <summary>The draft of <paramref name="issueId"/>, or a new one when no id is given; false for an id that is no editorial.</summary>
    private async Task<bool> FindAsync(int? issueId, CancellationToken cancellationToken)
    {
        Draft = issueId is { } existing ? await editorials.FindAsync(existing, cancellationToken) : null;
        return issueId is null || Draft is not null;
    }
}
