using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The guard of every page that edits a profile: the profile by its address (404 when there is none), then whether
/// the user may edit it (403 when not). Loaded tracked, with its whole content when the page saves content.
/// </summary>
public sealed class EditableProfiles(ClusterAtlasDbContext db, IAuthorizationService authorization)
{
    public async Task<EditableProfile> FindAsync(ClaimsPrincipal user, string slug, bool withContent, CancellationToken cancellationToken)
    {
        var profiles = withContent ? db.ClusterOrganisations.WithContent() : db.ClusterOrganisations;
        var profile = await profiles.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (profile is null)
        {
            return new(null, new NotFoundResult());
        }
        return await authorization.MayEditAsync(user, profile) ? new(profile, null) : new(null, new ForbidResult());
    }
}
