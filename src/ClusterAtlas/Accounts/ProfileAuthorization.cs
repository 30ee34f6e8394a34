using System.Security.Claims;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

public static class ProfileAuthorization
{
    public static async Task<bool> MayEditAsync(this IAuthorizationService authorization, ClaimsPrincipal user, ClusterOrganisation profile) =>
        (await authorization.AuthorizeAsync(user, profile, AccountPolicies.EditProfile)).Succeeded;

    /// <summary>
    /// The profile a page writes on behalf of (news, an event, a posting), found by its slug: with the answer to give
    /// instead when it is unknown (404) or the user may not edit it (sign in, or 403).
    /// </summary>
    public static async Task<(ClusterOrganisation? Profile, IActionResult? Refusal)> FindEditableProfileAsync(this PageModel page,
        ClusterAtlasDbContext db, IAuthorizationService authorization, string slug, CancellationToken cancellationToken)
    {
        var profile = await db.ClusterOrganisations.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (profile is null)
        {
            return (null, page.NotFound());
        }
        return await authorization.MayEditAsync(page.User, profile) ? (profile, null) : (null, page.Refusal());
    }

    /// <summary>Anonymous visitors are sent to sign in; signed-in people who may not are refused.</summary>
    public static IActionResult Refusal(this PageModel page) =>
        page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();
}
