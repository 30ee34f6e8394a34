using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class ResendConfirmationPageModel(UserManager<ApplicationUser> users, AccountMail mail, AccountLinks links) : AccountPageModel
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
        // The same answer whether or not the address has an account, or is confirmed already.
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && !user.EmailConfirmed)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await mail.SendEmailConfirmationAsync(user, links.ConfirmEmail(user.Id, token), cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
