using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>The link sent to a new address: the address (and so the user name) changes; the old address is told.</summary>
public class ConfirmEmailChangePageModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AccountMail mail) : AccountPageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code, CancellationToken cancellationToken)
    {
        var token = AccountLinks.DecodeToken(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || string.IsNullOrEmpty(email))
        {
            return;
        }
        var oldEmail = user.Email!;
        if (!(await users.ChangeEmailAsync(user, email, token)).Succeeded)
        {
            return;
        }
        // The user name is the e-mail address; both change together.
        await users.SetUserNameAsync(user, email);
        Changed = true;
        await mail.SendEmailChangedNoticeAsync(user, oldEmail, cancellationToken);
        if (User.UserId() == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
