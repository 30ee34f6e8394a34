using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

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
