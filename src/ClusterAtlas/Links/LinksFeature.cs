namespace ClusterAtlas.Links;

/// <summary>Links: the platform's public address, for links in mail and API answers (see <see cref="PublicAddress"/>).</summary>
public static class LinksFeature
{
    public static IServiceCollection AddLinks(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddScoped<PublicAddress>();
}
