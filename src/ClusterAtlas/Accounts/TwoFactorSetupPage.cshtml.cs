using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Sets up an authenticator app (TOTP, RFC 6238): the shared key is shown as a QR code to scan, as text and as an
/// otpauth: link that authenticator apps open; a first code proves the app has it. Then ten recovery codes are shown, once.
/// </summary>
[Authorize]
public class TwoFactorSetupPageModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IUserStore<ApplicationUser> store,
    IOptions<AccountOptions> options) : AccountPageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code has 6 digits.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Sent here because the account's role requires two-factor authentication.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>The otpauth: URI as a QR code, a PNG in a data: URI (the page's CSP allows data: images, nothing external).</summary>
    public string QrCodeImage { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string ContinueUrl => SafeReturnUrl(ReturnUrl) is "/" ? "/account" : SafeReturnUrl(ReturnUrl);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            // The key of a working setup is not shown again: a borrowed session must not copy it.
            return LocalRedirect(ReturnUrl is null ? "/account/two-factor" : SafeReturnUrl(ReturnUrl));
        }
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return LocalRedirect("/account/two-factor");
        }
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), T["This code is not correct. Codes change every 30 seconds: enter the one your app shows now."]);
            await LoadKeyAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        // New claims: moderator and administrator pages open from now on.
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key, not yet in use: stored without a new security stamp. UserManager.ResetAuthenticatorKeyAsync
            // changes the stamp, which signed the account out of every other browser as soon as this page was opened;
            // turning two-factor on (which changes the stamp) is what does that, on purpose.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                throw new InvalidOperationException("The authenticator key was not stored: " + string.Join("; ", updated.Errors.Select(e => e.Description)));
            }
        }
        SharedKey = FormatKey(key!);
        AuthenticatorUri = OtpAuthUri(options.Value.AuthenticatorIssuer, user.Email!, key!);
        QrCodeImage = QrCodeDataUri(AuthenticatorUri);
    }

    /// <summary>Groups of four letters, easier to type into an app by hand.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The Key Uri Format of authenticator apps: otpauth://totp/Issuer:account?secret=...&amp;issuer=Issuer&amp;digits=6.</summary>
    public static string OtpAuthUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    /// <summary>Dark modules on white with the standard quiet zone, as phone cameras read best, whatever the page's colours.</summary>
    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
