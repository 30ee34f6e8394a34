using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Accounts;

/// <summary>A new address takes effect only once its owner opens the link sent to it.</summary>
[Authorize]
public class ChangeEmailPageModel(UserManager<ApplicationUser> users, AccountMail mail, AccountLinks links) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the new e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "Use at most 256 characters.")]
    public string NewEmail { get; set; } = "";

    /// <summary>Asked again: whoever has the session must not move the account to their own address.</summary>
    [BindProperty]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    public string CurrentEmail { get; private set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        CurrentEmail = user.Email!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        CurrentEmail = user.Email!;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var newEmail = NewEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(NewEmail), T["This is already your e-mail address."]);
            return Page();
        }
        if (!await ConfirmCurrentPasswordAsync(user, CurrentPassword, nameof(CurrentPassword), "change e-mail address", cancellationToken))
        {
            return Page();
        }
        // An address that belongs to another account gets no message, and the page does not say so either.
        if (await users.FindByEmailAsync(newEmail) is null)
        {
            var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
            await mail.SendEmailChangeConfirmationAsync(user, newEmail, links.ConfirmEmailChange(user.Id, newEmail, token), cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
