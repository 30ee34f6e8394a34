using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Two-factor authentication of the signed-in account: its state, new recovery codes, a new authenticator, turning it
/// off. Each change asks for the password again, so that a borrowed session cannot take the second factor over.
/// </summary>
[Authorize]
public class TwoFactorPageModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : AccountPageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Moderators and administrators cannot turn it off.</summary>
    public bool IsRequired { get; private set; }

    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public bool Disabled { get; private set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await ConfirmCurrentPasswordAsync(user, CurrentPassword, nameof(CurrentPassword), "new recovery codes", cancellationToken))
        {
            await LoadAsync(user);
            return Page();
        }
        if (user.TwoFactorEnabled)
        {
            NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorSetupPageModel.RecoveryCodeCount) ?? []];
        }
        await LoadAsync(user);
        return Page();
    }

    /// <summary>A new phone or app: a new key, set up like the first time (meanwhile two-factor authentication is off).</summary>
    public async Task<IActionResult> OnPostNewAuthenticatorAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await ConfirmCurrentPasswordAsync(user, CurrentPassword, nameof(CurrentPassword), "new authenticator", cancellationToken))
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(TwoFactorSetupRedirect.TwoFactorSetupPath);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        if (IsRequired)
        {
            ModelState.AddModelError(string.Empty, T["Moderators and administrators must use two-factor authentication."]);
            return Page();
        }
        if (!await ConfirmCurrentPasswordAsync(user, CurrentPassword, nameof(CurrentPassword), "turn off two-factor authentication", cancellationToken))
        {
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key next time: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        Disabled = true;
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        IsRequired = await users.IsStaffAsync(user);
    }
}
