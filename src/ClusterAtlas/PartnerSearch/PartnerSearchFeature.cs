using ClusterAtlas.Pages;
using ClusterAtlas.Caching;
using ClusterAtlas.WhatsNew;

namespace ClusterAtlas.PartnerSearch;

/// <summary>Partner search postings: their services, the deadline checks in the background, and the Atom feed.</summary>
public static class PartnerSearchFeature
{
    public static IServiceCollection AddPartnerSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCacheTags<PartnerSearchPosting>(ContentTags.Postings).AddCacheTags<PostingTerm>(ContentTags.Postings)
            .AddCacheTags<PostingComment>(ContentTags.Postings).AddCacheTags<PostingInterest>(ContentTags.Postings).AddCacheTags<PostingFollower>(ContentTags.Postings);
        services.Configure<PartnerSearchOptions>(configuration.GetSection(PartnerSearchOptions.Section));
        services.AddOptions<PartnerSearchOptions>()
            .Validate(o => o.DeadlineCheckInterval >= TimeSpan.FromSeconds(1) && o.ReminderDaysBefore is >= 1 and <= 60,
                $"{PartnerSearchOptions.Section}: DeadlineCheckInterval must be at least 00:00:01 and ReminderDaysBefore from 1 to 60.")
            .ValidateOnStart();
        return services
            .AddScoped<PostingEditor>()
            .AddScoped<DemoPostings>()
            .AddScoped<PostingSearch>()
            .AddScoped<PostingActivity>()
            .AddScoped<PartnerSearchMail>()
            .AddScoped<PostingDeadlines>()
            .AddScoped<PostingFeed>()
            .AddPublishedItems<PublishedPostings>()
            .AddHostedService<PostingDeadlineService>();
    }

    public static WebApplication MapPartnerSearch(this WebApplication app)
    {
        app.MapMethods(PostingFeed.Path, ReadEndpoints.Methods, async (PostingFeed feed, CancellationToken cancellationToken) =>
            WebOfData.ReadDocument.Of(await feed.WriteAsync(cancellationToken), PostingFeed.ContentType))
            .CacheForReaders(ContentTags.Postings, ContentTags.Profiles);
        return app;
    }
}
