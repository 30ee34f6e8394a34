using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Accounts;

/// <summary>Signing out is a POST (a link or an image elsewhere cannot sign anyone out); GET offers the button.</summary>
public class LogoutPageModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : AccountPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends the session on the server too: a copy of the cookie no longer signs anyone in
        // (the stamp is checked on every request). Every other session of the account ends with it.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
