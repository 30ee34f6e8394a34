using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The confirmation link of a subscription. GET only asks (mail scanners open links, and a scanner must not confirm a
/// subscription nobody wanted); the button's POST confirms while the request is not expired.
/// </summary>
[AllowAnonymous]
public class ConfirmPageModel(Subscriptions subscriptions, NewsletterLinks links) : PageModel
{
    public NewsletterSubscription? Subscription { get; private set; }

    public bool Confirmed { get; private set; }

    public string? ManageUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken) || !await subscriptions.ConfirmAsync(Subscription!, cancellationToken))
        {
            Subscription = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Confirmed = true;
        ManageUrl = NewsletterLinks.ManagePath + "?token=" + Uri.EscapeDataString(links.ManageToken(Subscription!));
        return Page();
    }

    /// <summary>The waiting (or confirmed) subscription the token names; an expired or ended one is as good as none.</summary>
    private async Task<bool> FindAsync(string? token, CancellationToken cancellationToken)
    {
        Subscription = links.ReadConfirmToken(token) is { } key ? await subscriptions.FindAsync(key, cancellationToken) : null;
        if (Subscription is null || Subscription.Status is SubscriptionStatus.Unsubscribed or SubscriptionStatus.Bounced || subscriptions.IsExpired(Subscription))
        {
            Subscription = null;
            return false;
        }
        return true;
    }
}
