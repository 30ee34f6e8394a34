using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

/// <summary>The claims the platform adds to Identity's (user id, e-mail as name, roles, security stamp).</summary>
public static class AccountClaims
{
    public const string DisplayName = "clusteratlas:display_name";

    /// <summary>Present when the account has two-factor authentication set up (refreshed whenever that changes).</summary>
    public const string TwoFactorEnabled = "clusteratlas:two_factor";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string NameToShow(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    public static bool HasTwoFactor(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == TwoFactorEnabled);

    /// <summary>A moderator or administrator who may act as one: their account has two-factor authentication.</summary>
    public static bool IsActingStaff(this ClaimsPrincipal user) =>
        user.HasTwoFactor() && AccountRoles.Staff.Any(user.IsInRole);
}
