using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

/// <summary>
/// The link of the password-reset e-mail, and (as /account/set-password) the one-time link printed by
/// `users add-admin`. Both carry a password-reset token, which stops working once the password is set.
/// </summary>
[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class ResetPasswordPageModel(UserManager<ApplicationUser> users, AccountThrottles throttles) : AccountPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    /// <summary>The first password of an account made from the command line, rather than a forgotten one.</summary>
    public bool IsFirstPassword => Request.Path.StartsWithSegments("/account/set-password", StringComparison.OrdinalIgnoreCase);

    public bool LinkIsIncomplete => string.IsNullOrEmpty(UserId) || AccountLinks.DecodeToken(Code) is null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (LinkIsIncomplete || !ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(UserId!);
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, T["This link is no longer valid (it was used already, or it is more than 24 hours old). Please ask for a new one."]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, AccountLinks.DecodeToken(Code)!, Input.Password);
        if (!result.Succeeded)
        {
            AddErrors(result, "Input.Password");
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            // The link came through the account's mailbox: that confirms the address as well.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        // A reset ends a lockout: the person proved they own the mailbox.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        var subject = LoginPageModel.ThrottleSubject(users, user.Email!);
        await throttles.ClearAsync(ThrottleRule.SignInFromAddress, subject, client: null, cancellationToken);
        await throttles.ClearAsync(ThrottleRule.SignInFromAnyAddress, subject, client: null, cancellationToken);
        Done = true;
        return Page();
    }
}
