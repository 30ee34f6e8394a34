using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class RegisterPageModel(UserManager<ApplicationUser> users, AccountMail mail, AccountLinks links, TimeProvider clock, EqualPasswordWork passwordWork)
    : AccountPageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    /// <summary>Where the person was going (a page on this site): the confirmation e-mail leads there after sign-in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>After a valid form: "check your inbox", whether or not the address already had an account.</summary>
    public bool Sent { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(ClusterAtlas.Pages.LocalReturnUrl.Normalise(ReturnUrl, "/account")) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // No account enumeration: the form answers as for a new address, after the same checks and the same
            // hashing a new account gets (so it takes as long); the owner is told by e-mail.
            var refused = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                refused.AddRange((await validator.ValidateAsync(users, new ApplicationUser { UserName = email, Email = email }, Input.Password)).Errors);
            }
            if (refused.Count > 0)
            {
                AddErrors(IdentityResult.Failed([.. refused]), "Input.Password", "Input.Email");
                return Page();
            }
            passwordWork.HashForNoAccount(Input.Password);
            await mail.SendAlreadyRegisteredAsync(existing, $"{links.BaseUrl}/account/login", cancellationToken);
            Sent = true;
            return Page();
        }
        var now = clock.GetUtcNow();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredLanguage = CultureInfo.CurrentUICulture.Name,
            PrivacyPolicyAcceptedAt = now,
            TermsAcceptedAt = now,
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            AddErrors(result, "Input.Password", "Input.Email");
            return Page();
        }
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mail.SendEmailConfirmationAsync(user, links.ConfirmEmail(user.Id, token, ClusterAtlas.Pages.LocalReturnUrl.TryNormalise(ReturnUrl)), cancellationToken);
        Sent = true;
        return Page();
    }
}
