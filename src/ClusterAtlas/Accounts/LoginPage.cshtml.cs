using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class LoginPageModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : AccountPageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await users.FindByNameAsync(Input.Email.Trim());
            return await AfterSignInAsync(users, user!, ReturnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginWithCodePage", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, LockedOutMessage);
            return Page();
        }
        if (result.IsNotAllowed)
        {
            // Only said after the right password, so it tells nothing to someone guessing addresses.
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, T["Please confirm your e-mail address first: open the link in the message we sent you."]);
            return Page();
        }
        ModelState.AddModelError(string.Empty, T["The e-mail address or the password is not correct."]);
        return Page();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
