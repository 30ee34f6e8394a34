using ClusterAtlas.Pages;
using ClusterAtlas.Caching;
using ClusterAtlas.WhatsNew;

namespace ClusterAtlas.Calls;

/// <summary>Open calls and funding opportunities: their services, what they publish, and the Atom feed.</summary>
public static class CallsFeature
{
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddPublishedItems<PublishedCalls>();
        services.AddCacheTags<FundingCall>(ContentTags.Calls).AddCacheTags<CallTerm>(ContentTags.Calls);
        return services
            .AddScoped<CallEditor>()
            .AddScoped<CallImporter>()
            .AddScoped<CallSearch>()
            .AddScoped<CallReasons>()
            .AddScoped<CallsForProfiles>()
            .AddScoped<CallPostingDraft>()
            .AddScoped<CallFeed>()
            .AddScoped<DemoCalls>();
    }

    public static WebApplication MapCalls(this WebApplication app)
    {
        app.MapMethods(CallFeed.Path, ReadEndpoints.Methods, async (CallFeed feed, CancellationToken cancellationToken) =>
            WebOfData.ReadDocument.Of(await feed.WriteAsync(cancellationToken), WebOfData.AtomWriting.ContentType)).CacheForReaders(ContentTags.Calls, ContentTags.Vocabularies);
        return app;
    }
}
