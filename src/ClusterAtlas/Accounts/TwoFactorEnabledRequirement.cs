using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

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
