using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>
/// Who may do what with news, asked on the server by every page and the image endpoint: the platform team (with
/// two-factor) everything; those who may edit the submitting profile its unpublished items, and its published ones
/// only when the profile is trusted (otherwise a change would skip the review).
/// </summary>
public sealed class NewsAccess(ClusterAtlasDbContext db, IAuthorizationService authorization)
{
    public async Task<bool> MayEditAsync(ClaimsPrincipal user, NewsItem item)
    {
        if (user.IsActingStaff())
        {
            return true;
        }
        if (item.ProfileId is not { } profileId || user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var profile = item.Profile ?? await db.ClusterOrganisations.AsNoTracking().SingleAsync(p => p.Id == profileId);
        if (!await authorization.MayEditAsync(user, profile))
        {
            return false;
        }
        return item.Status != NewsStatus.Published || await IsTrustedAsync(profileId);
    }

    /// <summary>May see it before it is published: the platform team and the submitting profile's editors.</summary>
    public async Task<bool> MaySeeUnpublishedAsync(ClaimsPrincipal user, NewsItem item)
    {
        if (user.IsActingStaff())
        {
            return true;
        }
        if (item.ProfileId is not { } profileId || user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var profile = item.Profile ?? await db.ClusterOrganisations.AsNoTracking().SingleAsync(p => p.Id == profileId);
        return await authorization.MayEditAsync(user, profile);
    }

    public Task<bool> IsTrustedAsync(int profileId) => db.Set<TrustedNewsProfile>().AnyAsync(t => t.ProfileId == profileId);
}
