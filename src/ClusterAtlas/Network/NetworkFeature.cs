using ClusterAtlas.Caching;
namespace ClusterAtlas.Network;

/// <summary>The cluster network: matching stated collaborations to profiles, the network pages and the recommendations.</summary>
public static class NetworkFeature
{
    public static IServiceCollection AddNetwork(this IServiceCollection services) =>
        services.AddCacheTags<NetworkLink>(ContentTags.Profiles).AddCacheTags<RecommendationDismissal>()
            .AddSingleton<NetworkIndex>()
            .AddSingleton<SimilarClusters>()
            .AddSingleton<NetworkTableOrder>()
            .AddSingleton<StatedPartnerLinks>()
            .AddScoped<NetworkLinker>()
            .AddScoped<NetworkTerms>()
            .AddHostedService<NetworkTermsService>()
            .AddScoped<NetworkDecisions>()
            .AddScoped<PartnerSuggestions>()
            .AddScoped<RecommendationReasons>();
}
