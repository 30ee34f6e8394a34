using System.Security.Claims;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Ends a session as soon as its account's security stamp is no longer the one it signed in with: an administrator
/// locked the account or changed its roles, or its password changed elsewhere. One indexed read per signed-in request;
/// unlike Identity's own stamp check run on every request, it never reissues the cookie, so responses keep their own
/// caching. (Identity's periodic check, which refreshes the claims, stays as it is.)
/// </summary>
public static class SessionCheck
{
    public static IServiceCollection AddSessionCheck(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var identityCheck = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await EndIfStampChangedAsync(context);
                if (context.Principal is not null)
                {
                    await identityCheck(context);
                }
            };
        });

    private static async Task EndIfStampChangedAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        var stamp = context.Principal!.FindFirstValue(stampClaim);
        var stored = await services.GetRequiredService<ClusterAtlasDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => new { u.SecurityStamp }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (stored is null || stored.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
