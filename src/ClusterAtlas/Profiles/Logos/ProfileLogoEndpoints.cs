using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

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
        app.MapGet("/cluster-organisations/{slug}/logo/{sha256}", ServeAsync).ExcludeFromDescription();
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
        var headers = context.Response.Headers;
        headers.CacheControl = published ? "public, max-age=31536000, immutable" : "private, no-cache";
        headers.XContentTypeOptions = "nosniff";
        // Opened on its own, an SVG is a document: it may run nothing and load nothing.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return Results.Bytes(logo.Content, logo.ContentType, entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }
}
