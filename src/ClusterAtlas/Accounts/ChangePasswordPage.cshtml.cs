using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Accounts;

[Authorize]
public class ChangePasswordPageModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool Saved { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await ConfirmCurrentPasswordAsync(user, CurrentPassword, nameof(CurrentPassword), "change password", cancellationToken))
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors.Where(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError(nameof(CurrentPassword), error.Description);
            }
            AddErrors(IdentityResult.Failed([.. result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch))]), "Input.Password");
            return Page();
        }
        // The security stamp changed: every other session ends at its next request (the stamp is checked on each); this one stays signed in.
        await signIn.RefreshSignInAsync(user);
        Saved = true;
        return Page();
    }
}
