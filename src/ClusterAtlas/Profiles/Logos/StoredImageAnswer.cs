using Microsoft.Net.Http.Headers;

namespace ClusterAtlas.Profiles.Logos;

/// <summary>
/// How a stored picture checked by <see cref="LogoFile"/> (a logo, a news item's image) is answered: from the app itself
/// (so the pages' Content-Security-Policy holds), addressed by its content's hash, so cached a year when public; opened
/// on its own, an SVG is a document that may run nothing and load nothing.
/// </summary>
public static class StoredImageAnswer
{
    public static IResult Of(HttpContext context, byte[] content, string contentType, string sha256, bool isPublic)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.CacheControl = isPublic ? "public, max-age=31536000, immutable" : "private, no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return Results.Bytes(content, contentType, entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }
}
