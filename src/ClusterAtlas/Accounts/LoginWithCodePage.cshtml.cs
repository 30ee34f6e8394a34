using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

/// <summary>The second step of signing in: a code from the authenticator app.</summary>
[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class LoginWithCodePageModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code has 6 digits.")]
    public string Code { get; set; } = "";

    [BindProperty]
    public bool RememberDevice { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/LoginPage") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The first step (password) expired or never happened.
            return RedirectToPage("/Accounts/LoginPage", new { returnUrl = ReturnUrl });
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberDevice);
        if (result.Succeeded)
        {
            return await AfterSignInAsync(users, user, ReturnUrl);
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? LockedOutMessage
            : T["This code is not correct. Codes change every 30 seconds: enter the one your app shows now."]);
        return Page();
    }
}
