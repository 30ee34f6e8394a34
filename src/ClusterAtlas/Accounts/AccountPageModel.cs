using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Accounts;

/// <summary>What the account pages share: a safe return address and Identity's errors shown on the form.</summary>
public abstract class AccountPageModel : PageModel
{
    /// <summary>The shared UI strings, named T as in the views so that page code and views read alike.</summary>
    protected IStringLocalizer<SharedResource> T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>Only a path on this site is followed after sign-in; anything else goes home (no open redirect).</summary>
    protected string SafeReturnUrl(string? returnUrl) =>
        ClusterAtlas.Pages.LocalReturnUrl.Normalise(returnUrl);

    /// <summary>
    /// Where a person goes after signing in. A moderator or administrator without two-factor authentication sets
    /// it up first: the pages of their role stay closed until then (see <see cref="TwoFactorSetupRedirect"/>).
    /// </summary>
    protected async Task<IActionResult> AfterSignInAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? returnUrl)
    {
        var target = SafeReturnUrl(returnUrl);
        return !user.TwoFactorEnabled && await users.IsStaffAsync(user)
            ? LocalRedirect($"{TwoFactorSetupRedirect.TwoFactorSetupPath}?required=true&returnUrl={Uri.EscapeDataString(target)}")
            : LocalRedirect(target);
    }

    /// <summary>What the sign-in steps say once too many attempts have failed.</summary>
    protected string LockedOutMessage => T["This account is locked for 15 minutes after too many failed sign-ins. Try again later, or reset your password."];

    /// <summary>
    /// Asks for the current password again before a change that takes over an account. Says on the form what is wrong:
    /// the field when it is empty or wrong, the summary when too many wrong ones refuse the change for a while.
    /// </summary>
    protected async Task<bool> ConfirmCurrentPasswordAsync(ApplicationUser user, string? password, string field, string action, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            ModelState.AddModelError(field, T["Enter your current password."]);
            return false;
        }
        var check = HttpContext.RequestServices.GetRequiredService<CurrentPasswordCheck>();
        switch (await check.CheckAsync(user, password, action, cancellationToken))
        {
            case CurrentPasswordResult.Correct:
                return true;
            case CurrentPasswordResult.Refused:
                ModelState.AddModelError(string.Empty, T["Too many wrong passwords: for your account's safety, this is refused for 15 minutes. If you forgot your password, sign out and choose \"Forgot your password?\" on the sign-in page."]);
                return false;
            default:
                ModelState.AddModelError(field, T["The password is not correct."]);
                return false;
        }
    }

    /// <summary>Puts Identity's errors on the form: password errors next to <paramref name="passwordField"/>, the rest in the summary.</summary>
    protected void AddErrors(IdentityResult result, string? passwordField = null, string? emailField = null)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch) ? passwordField
                : error.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.DuplicateEmail)
                    or nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.DuplicateUserName) ? emailField
                : null;
            ModelState.AddModelError(field ?? string.Empty, error.Description);
        }
    }
}
