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

public sealed class AccountClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(AccountClaims.TwoFactorEnabled, "true"));
        }
        return identity;
    }
}

/// <summary>Moderators and administrators act only once their account has two-factor authentication.</summary>
public sealed class TwoFactorEnabledRequirement : AuthorizationHandler<TwoFactorEnabledRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorEnabledRequirement requirement)
    {
        if (context.User.HasTwoFactor())
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// A moderator or administrator refused only for want of two-factor authentication is sent to set it up
/// (and brought back afterwards) instead of seeing "access denied".
/// </summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() is { Count: > 0 } failed
            && failed.All(r => r is TwoFactorEnabledRequirement))
        {
            var here = $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
            context.Response.Redirect(TwoFactorSetupPath + "?required=true&returnUrl=" + Uri.EscapeDataString(here));
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    public const string TwoFactorSetupPath = "/account/two-factor/setup";
}
