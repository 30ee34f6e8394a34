using System.Security.Claims;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>
/// The profile's administrators may edit it, and so may moderators and administrators of the platform once they
/// have two-factor authentication. Every editing handler asks this on the server, whatever the page showed.
/// </summary>
public sealed class ProfileEditingHandler(ClusterAtlasDbContext db) : AuthorizationHandler<ProfileEditingRequirement, ClusterOrganisation>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProfileEditingRequirement requirement, ClusterOrganisation resource)
    {
        if (context.User.IsActingStaff())
        {
            context.Succeed(requirement);
            return;
        }
        if (context.User.UserId() is { } userId
            && await db.ProfileAdministrators.AnyAsync(a => a.ClusterOrganisationId == resource.Id && a.UserId == userId))
        {
            context.Succeed(requirement);
        }
    }
}
