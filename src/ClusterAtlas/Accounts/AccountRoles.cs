using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>The platform-wide roles. Profile administrators are per profile (<see cref="ProfileAdministrator"/>), not a role.</summary>
public static class AccountRoles
{
    public const string Moderator = "Moderator";
    public const string Administrator = "Administrator";

    public static readonly string[] All = [Moderator, Administrator];

    /// <summary>Roles whose holders must sign in with two factors.</summary>
    public static readonly string[] Staff = [Moderator, Administrator];

    /// <summary>Whether the account is a moderator or administrator, and so must use two-factor authentication.</summary>
    public static async Task<bool> IsStaffAsync(this UserManager<ApplicationUser> users, ApplicationUser user)
    {
        foreach (var role in Staff)
        {
            if (await users.IsInRoleAsync(user, role))
            {
                return true;
            }
        }
        return false;
    }
}
