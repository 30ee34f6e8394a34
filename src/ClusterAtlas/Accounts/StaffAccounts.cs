using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Makes an account a moderator or administrator from the command line: the way the first administrator comes
/// to be. No password is ever set here; the person chooses one through a one-time link (a password-reset token,
/// which stops working once used because setting a password changes the account's security stamp).
/// </summary>
public sealed class StaffAccounts(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, AccountLinks links, TimeProvider clock, Moderation.AuditLog audit)
{
    public async Task<StaffAccountResult> AddAsync(string email, string role, CancellationToken cancellationToken)
    {
        if (!AccountRoles.All.Contains(role))
        {
            throw new ArgumentException($"unknown role {role}", nameof(role));
        }
        email = email.Trim();
        if (!IsEmailAddress(email))
        {
            throw new StaffAccountException($"\"{email}\" is not an e-mail address");
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            // The address is taken as confirmed: whoever runs the command on the server vouches for it.
            user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = email.Split('@')[0],
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user));
        }
        else if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            audit.Account(Moderation.ModerationActionKind.RoleGranted, user, role); // written with the role, by the same save
            Check(await users.AddToRoleAsync(user, role));
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return new StaffAccountResult(user.Email!, role, created, links.SetPassword(user.Id, token), AccountLinks.SetPasswordPath(user.Id, token),
            links.HasConfiguredBaseUrl, clock.GetUtcNow() + AccountsFeature.LinkLifetime);
    }

    /// <summary>An address people can receive mail at: the form's check, and a dot in the domain (no "admin@localhost").</summary>
    public static bool IsEmailAddress(string email) =>
        new EmailAddressAttribute().IsValid(email) && email[(email.LastIndexOf('@') + 1)..].Contains('.', StringComparison.Ordinal);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new StaffAccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
