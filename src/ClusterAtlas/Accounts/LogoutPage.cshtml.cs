using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Accounts;

/// <summary>Signing out is a POST (a link or an image elsewhere cannot sign anyone out); GET offers the button.</summary>
public class LogoutPageModel(SignInManager<ApplicationUser> signIn) : AccountPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
