using ClusterAtlas.Pages;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Profiles.Logos;

public static class ProfileLogoEndpoints
{
    /// <summary>
    /// GET /cluster-organisations/{slug}/logo/{sha256}: the profile's current logo, from the app itself (so the
    /// pages' Content-Security-Policy holds). Its address changes with its content, so it is cached for a year and
    /// answers If-None-Match by its hash. A logo replaced or removed is no longer served; an unpublished profile's
    /// logo only to those who may edit the profile.
    /// </summary>
    public static WebApplication MapProfileLogos(this WebApplication app)
    {
        app.MapMethods("/cluster-organisations/{slug}/logo/{sha256}", ReadEndpoints.Methods, ServeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string slug, string sha256, HttpContext context, ClusterAtlasDbContext db,
        IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var profile = await db.ClusterOrganisations.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (profile is null || profile.LogoSha256 != sha256)
        {
            return Results.NotFound();
        }
        var published = profile.Status == ProfileStatus.Published;
        if (!published && !await authorization.MayEditAsync(context.User, profile))
        {
            return Results.NotFound();
        }
        var logo = await db.ProfileLogos.AsNoTracking()
            .Where(l => l.ClusterOrganisationId == profile.Id && l.Sha256 == sha256)
            .Select(l => new { l.ContentType, l.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            return Results.NotFound();
        }
        return StoredImageAnswer.Of(context, logo.Content, logo.ContentType, sha256, published);
    }
}
