using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// Subscribing: anyone types an address (double opt-in: the answer is the same whether or not it was subscribed); a
/// signed-in member with a confirmed account address subscribes it in one step.
/// </summary>
[AllowAnonymous]
public class SubscribePageModel(Subscriptions subscriptions, NewsletterChoices choices, UserManager<ApplicationUser> users, TimeProvider clock, Microsoft.Extensions.Options.IOptions<NewsletterOptions> options, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public List<string> Sectors { get; set; } = [];

    [BindProperty]
    public List<string> Countries { get; set; } = [];

    /// <summary>The signed-in member's confirmed address, which they may subscribe in one step.</summary>
    public string? MemberEmail { get; private set; }

    public bool MemberSubscribed { get; private set; }

    public bool Requested { get; private set; }

    public bool SubscribedNow { get; private set; }

    public NewsletterChoicesView Choices { get; private set; } = null!;

    /// <summary>The web view of the latest digest that went out.</summary>
    public string LatestDigestPath => DigestWeek.LatestDue(clock.GetUtcNow(), options.Value).Path;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Language = System.Globalization.CultureInfo.CurrentUICulture.Name;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var address = Email?.Trim() ?? "";
        if (address.Length == 0 || address.Length > NewsletterSubscription.MaxEmailLength
            || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(address) || !MimeKit.MailboxAddress.TryParse(address, out _))
        {
            ModelState.AddModelError(nameof(Email), T["E-mail address: enter an address such as name@example.org."]);
        }
        var (language, sectors, countries, errors) = await choices.CheckAsync(Language, Sectors, Countries, cancellationToken);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }
        await subscriptions.RequestAsync(address, language, sectors, countries, cancellationToken);
        Requested = true;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The signed-in member's one step: their confirmed account address, subscribed at once.</summary>
    public async Task<IActionResult> OnPostMemberAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.EmailConfirmed || string.IsNullOrEmpty(user.Email))
        {
            return Forbid();
        }
        var (language, sectors, countries, errors) = await choices.CheckAsync(Language, Sectors, Countries, cancellationToken);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }
        await subscriptions.SubscribeMemberAsync(user.Id, user.Email, language, sectors, countries, cancellationToken);
        SubscribedNow = true;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { EmailConfirmed: true, Email: { } email })
        {
            MemberEmail = email;
            MemberSubscribed = await subscriptions.FindByEmailAsync(email, cancellationToken) is { Status: SubscriptionStatus.Confirmed };
        }
        Choices = new NewsletterChoicesView(await choices.SectorsAsync(cancellationToken), choices.Countries, Language ?? Localisation.Languages.Default, Sectors, Countries);
    }
}
