using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>The link of the confirmation e-mail: confirms the address and invites the person to sign in.</summary>
public class ConfirmEmailPageModel(UserManager<ApplicationUser> users) : AccountPageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>The sign-in link, leading on to where the person was going when they registered (a page on this site only).</summary>
    public string SignInUrl { get; private set; } = "/account/login";

    public async Task OnGetAsync(string? userId, string? code, string? returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
        {
            SignInUrl += "?returnUrl=" + Uri.EscapeDataString(returnUrl);
        }
        var token = AccountLinks.DecodeToken(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is not null && token is not null)
        {
            Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }
    }
}
