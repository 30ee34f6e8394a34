using System.ComponentModel.DataAnnotations;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Deletes the account for good (GDPR art. 17) after the password is entered again. Its administration of
/// profiles goes with it; the profiles stay, as they belong to their organisations. The profiles' history keeps the
/// changes but no longer says who made them.
/// </summary>
[Authorize]
public class DeleteAccountPageModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ClusterAtlasDbContext db, ILogger<DeleteAccountPageModel> logger) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

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
        if (!await ConfirmCurrentPasswordAsync(user, Password, nameof(Password), "delete account", cancellationToken))
        {
            return Page();
        }
        if (await users.IsInRoleAsync(user, AccountRoles.Administrator)
            && (await users.GetUsersInRoleAsync(AccountRoles.Administrator)).Count == 1)
        {
            ModelState.AddModelError(string.Empty, T["You are the only administrator. Make someone else an administrator before you delete your account."]);
            return Page();
        }
        // Once begun, the deletion finishes even if the browser goes away: no half-deleted account.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.ProfileRevisions.Where(r => r.AuthorUserId == user.Id)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.AuthorName, DeletedAuthor).SetProperty(x => x.AuthorUserId, (string?)null), CancellationToken.None);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }
        await transaction.CommitAsync(CancellationToken.None);
        await signIn.SignOutAsync();
        logger.LogInformation("Account {UserId} was deleted by its owner", user.Id);
        return RedirectToPage("/Accounts/AccountDeletedPage");
    }

    /// <summary>What the revisions of a deleted account show as their author.</summary>
    public const string DeletedAuthor = "(deleted account)";
}
