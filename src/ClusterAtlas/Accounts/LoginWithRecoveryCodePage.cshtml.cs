using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

/// <summary>The second step of signing in without the authenticator: one of the recovery codes (each works once).</summary>
[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class LoginWithRecoveryCodePageModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter a recovery code.")]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/LoginPage") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Accounts/LoginPage", new { returnUrl = ReturnUrl });
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            return await AfterSignInAsync(users, user, ReturnUrl);
        }
        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut
            ? LockedOutMessage
            : T["This recovery code is not valid."]);
        return Page();
    }
}
