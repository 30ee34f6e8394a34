using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class ForgotPasswordPageModel(UserManager<ApplicationUser> users, AccountMail mail, AccountLinks links) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // No account enumeration: the page says the same whether or not the address has an account.
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mail.SendPasswordResetAsync(user, links.ResetPassword(user.Id, token), cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
