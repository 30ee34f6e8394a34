using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Sign-in with e-mail address and password. Whether the address has an account shows neither in the answer nor in
/// its time: an unknown address gets its password hashed too, and failures are counted per typed address and client
/// address (<see cref="AccountThrottles"/>) whether or not an account exists, so an attacker elsewhere cannot lock
/// the owner out, and "too many attempts" is said for unknown addresses alike.
/// </summary>
[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class LoginPageModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, AccountThrottles throttles, EqualPasswordWork passwordWork)
    : AccountPageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var subject = ThrottleSubject(users, email);
        var client = AccountThrottles.ClientOf(HttpContext);
        if (await throttles.BlockedUntilAsync(ThrottleRule.SignInFromAddress, subject, client, cancellationToken) is not null
            || await throttles.BlockedUntilAsync(ThrottleRule.SignInFromAnyAddress, subject, "", cancellationToken) is not null)
        {
            passwordWork.VerifyForNoAccount(Input.Password);
            return Refused();
        }
        var user = await users.FindByNameAsync(email);
        if (user is null)
        {
            passwordWork.VerifyForNoAccount(Input.Password);
            return await FailedAsync(subject, client, cancellationToken);
        }
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            return await FailedAsync(subject, client, cancellationToken);
        }
        // From here on the password is right: what is said tells nothing to someone guessing addresses.
        await throttles.ClearAsync(ThrottleRule.SignInFromAddress, subject, client, cancellationToken);
        if (await users.IsLockedOutAsync(user))
        {
            // Locked by too many wrong two-factor codes, which only someone with the password can send.
            ModelState.AddModelError(string.Empty, LockedOutMessage);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            return await AfterSignInAsync(users, user, ReturnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginWithCodePage", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }
        if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, T["Please confirm your e-mail address first: open the link in the message we sent you."]);
            return Page();
        }
        ModelState.AddModelError(string.Empty, LockedOutMessage);
        return Page();
    }

    /// <summary>What the sign-in throttles count on: the address as typed, normalised; an account's e-mail is never longer.</summary>
    public static string ThrottleSubject(UserManager<ApplicationUser> users, string email)
    {
        var normalised = users.NormalizeEmail(email) ?? "";
        return normalised.Length <= 256 ? normalised : normalised[..256];
    }

    private async Task<IActionResult> FailedAsync(string subject, string client, CancellationToken cancellationToken)
    {
        var blockedHere = await throttles.RecordFailureAsync(ThrottleRule.SignInFromAddress, subject, client, cancellationToken);
        var blockedEverywhere = await throttles.RecordFailureAsync(ThrottleRule.SignInFromAnyAddress, subject, "", cancellationToken);
        if (blockedHere || blockedEverywhere)
        {
            return Refused();
        }
        ModelState.AddModelError(string.Empty, T["The e-mail address or the password is not correct."]);
        return Page();
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, T["Too many failed sign-ins with this e-mail address: signing in with it is paused for 15 minutes here. Try again later, or reset your password."]);
        return Page();
    }
}
