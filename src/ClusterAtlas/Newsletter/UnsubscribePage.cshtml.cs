using ClusterAtlas.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The unsubscribe link and RFC 8058 one-click address of newsletter mail, as the notifications' one (decision 0015):
/// GET only asks; the POST unsubscribes, accepted without an antiforgery token only as the one-click body with a
/// valid token naming the subscription. Anything else answers 400 and changes nothing.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribePageModel(Subscriptions subscriptions, NewsletterLinks links) : PageModel
{
    public NewsletterSubscription? Subscription { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        Subscription = links.ReadManageToken(token) is { } key ? await subscriptions.FindAsync(key, cancellationToken) : null;
        if (Subscription is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        Subscription = links.ReadManageToken(token) is { } key && OneClickUnsubscribe.IsOneClick(Request)
            ? await subscriptions.FindAsync(key, cancellationToken)
            : null;
        if (Subscription is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await subscriptions.UnsubscribeAsync(Subscription, cancellationToken);
        Done = true;
        return Page();
    }
}
