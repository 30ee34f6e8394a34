using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Notifications;

/// <summary>
/// The unsubscribe link of notification mail, without signing in. GET only shows what the link stops (mail scanners open
/// links); the POST stops it: the page's button, or a mail program's RFC 8058 one-click POST. That POST cannot carry an
/// antiforgery token, so this page accepts a POST without one, and only exactly that POST: the body
/// "List-Unsubscribe=One-Click" with a valid token, which is itself the proof (purpose-bound, unforgeable, naming the
/// person and kind). Everything else is refused with 400. See docs/decisions/0015.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribePageModel(UnsubscribeTokens tokens, NotificationCenter center) : PageModel
{
    public UnsubscribeRequest? Asked { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet(string? token)
    {
        Asked = tokens.Read(token);
        if (Asked is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        Asked = tokens.Read(token);
        if (Asked is null || !Mail.OneClickUnsubscribe.IsOneClick(Request) || !await center.UnsubscribeAsync(Asked, cancellationToken))
        {
            Asked = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Done = true;
        return Page();
    }
}
