using ClusterAtlas.Pages;
using ClusterAtlas.Caching;
using ClusterAtlas.Data;
using ClusterAtlas.WebOfData;
using ClusterAtlas.WhatsNew;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>News: its services, its feed and its images.</summary>
public static class NewsFeature
{
    public static IServiceCollection AddNews(this IServiceCollection services) => services
        .AddCacheTags<NewsItem>(ContentTags.News).AddCacheTags<NewsImage>(ContentTags.News)
        .AddCacheTags<TrustedNewsProfile>() // the moderators' list of who publishes without review: shown nowhere
        .AddScoped<NewsAccess>()
        .AddScoped<NewsChecks>()
        .AddScoped<NewsEditor>()
        .AddScoped<NewsMail>()
        .AddScoped<NewsQueries>()
        .AddScoped<NewsFeed>()
        .AddScoped<DemoNews>()
        .AddPublishedItems<NewsPublishedItems>();

    public static WebApplication MapNews(this WebApplication app)
    {
        app.MapMethods(NewsFeed.Path, ReadEndpoints.Methods, async (NewsFeed feed, CancellationToken cancellationToken) =>
            ReadDocument.Of(await feed.WriteAsync(cancellationToken), AtomWriting.ContentType)).CacheForReaders(ContentTags.News, ContentTags.Profiles);
        app.MapMethods("/news/{newsSlug}/image/{sha256}", ReadEndpoints.Methods, ServeImageAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A news item's current image, from the app itself (so the pages' Content-Security-Policy holds), cached for a
    /// year by its content's hash; an unpublished item's only to those who may see it, an SVG sandboxed as a logo is.
    /// </summary>
    private static async Task<IResult> ServeImageAsync(string newsSlug, string sha256, HttpContext context, ClusterAtlasDbContext db,
        NewsAccess access, CancellationToken cancellationToken)
    {
        var item = await db.Set<NewsItem>().AsNoTracking().SingleOrDefaultAsync(n => n.Slug == newsSlug, cancellationToken);
        if (item is null || item.ImageSha256 != sha256)
        {
            return Results.NotFound();
        }
        var published = item.Status == NewsStatus.Published;
        if (!published && !await access.MaySeeUnpublishedAsync(context.User, item))
        {
            return Results.NotFound();
        }
        var image = await db.Set<NewsImage>().AsNoTracking().Where(i => i.NewsItemId == item.Id && i.Sha256 == sha256)
            .Select(i => new { i.ContentType, i.Content }).SingleOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return Results.NotFound();
        }
        return Profiles.Logos.StoredImageAnswer.Of(context, image.Content, image.ContentType, sha256, published);
    }
}
