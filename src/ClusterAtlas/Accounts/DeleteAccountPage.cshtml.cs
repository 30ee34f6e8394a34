using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Deletes the account for good (GDPR art. 17) after the password is entered again. Its administration of
/// profiles goes with it; the profiles stay, as they belong to their organisations.
/// </summary>
[Authorize]
public class DeleteAccountPageModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ILogger<DeleteAccountPageModel> logger) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), T["The password is not correct."]);
            return Page();
        }
        if (await users.IsInRoleAsync(user, AccountRoles.Administrator)
            && (await users.GetUsersInRoleAsync(AccountRoles.Administrator)).Count == 1)
        {
            ModelState.AddModelError(string.Empty, T["You are the only administrator. Make someone else an administrator before you delete your account."]);
            return Page();
        }
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }
        await signIn.SignOutAsync();
        logger.LogInformation("Account {UserId} was deleted by its owner", user.Id);
        return RedirectToPage("/Accounts/AccountDeletedPage");
    }
}
