using ClusterAtlas.Pages;
using ClusterAtlas.Caching;
using System.Globalization;
using System.Text;
using ClusterAtlas.Links;

namespace ClusterAtlas.WebOfData;

/// <summary>
/// What makes the directory findable and linkable: /sitemap.xml, /robots.txt naming it, the Atom feed of profiles;
/// the pages carry schema.org JSON-LD and link-preview tags themselves (docs/decisions/0018).
/// </summary>
public static class WebOfDataFeature
{
    public static IServiceCollection AddWebOfData(this IServiceCollection services) =>
        services.AddScoped<Sitemap>().AddScoped<ProfileFeed>();

    public static WebApplication MapWebOfData(this WebApplication app)
    {
        app.MapMethods(Sitemap.Path, ReadEndpoints.Methods, async (HttpContext context, Sitemap sitemap, PublicAddress address, int? part) =>
        {
            // Sitemaps list absolute addresses: with no trusted address there is nothing true to list.
            if (address.TrustedBaseUrl() is not { } baseUrl)
            {
                return Results.NotFound();
            }
            using var buffer = new MemoryStream();
            if (!await sitemap.WriteAsync(buffer, baseUrl, part, context.RequestAborted))
            {
                return Results.NotFound();
            }
            return ReadDocument.Of(buffer.ToArray(), "application/xml; charset=utf-8");
        }).CacheForReaders(ContentTags.Profiles, ContentTags.Postings, ContentTags.News, ContentTags.Events, ContentTags.Calls);
        app.MapMethods("/robots.txt", ReadEndpoints.Methods, (PublicAddress address) => Results.Text(RobotsTxt(address.ConfiguredBaseUrl ?? address.TrustedBaseUrl()), "text/plain; charset=utf-8"))
            .CacheForReaders();
        app.MapMethods(ProfileFeed.Path, ReadEndpoints.Methods, async (ProfileFeed feed, CancellationToken cancellationToken) =>
            ReadDocument.Of(await feed.WriteAsync(cancellationToken), AtomWriting.ContentType))
            .CacheForReaders(ContentTags.Profiles);
        return app;
    }

    /// <summary>Everything public may be crawled but the language switch (it only redirects); the sitemap is named where its address is known.</summary>
    public static string RobotsTxt(string? baseUrl)
    {
        var robots = new StringBuilder();
        robots.Append("User-agent: *\n");
        robots.Append("Disallow: /language\n");
        if (baseUrl is not null)
        {
            robots.Append(CultureInfo.InvariantCulture, $"\nSitemap: {baseUrl}{Sitemap.Path}\n");
        }
        return robots.ToString();
    }
}
