namespace ClusterAtlas.ClusterDirectory;

public static class DirectoryFeature
{
    public static IServiceCollection AddDirectory(this IServiceCollection services) =>
        services
            .AddSingleton<DirectoryIndex>()
            .AddSingleton<FullTextMatchCache>()
            .AddSingleton<SearchIndexWriter>()
            .AddScoped<DirectorySearch>();
}
