using System.Security.Claims;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

public static class ProfileAuthorization
{
    public static async Task<bool> MayEditAsync(this IAuthorizationService authorization, ClaimsPrincipal user, ClusterOrganisation profile) =>
        (await authorization.AuthorizeAsync(user, profile, AccountPolicies.EditProfile)).Succeeded;
}
