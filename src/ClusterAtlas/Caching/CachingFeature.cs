using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterAtlas.Caching;

/// <summary>
/// Public answers kept in the output cache for anonymous readers and evicted by writes, and HTML and JSON compressed
/// (Brotli, gzip) where no secret can leak (see docs/decisions/0027-output-cache-and-rendering.md).
/// </summary>
public static class CachingFeature
{
    /// <summary>What is compressed here: the rendered answers. Static files come compressed from the build (docs/decisions/0008).</summary>
    private static readonly string[] CompressedTypes =
    [
        "text/html", "application/json", "application/problem+json", "application/geo+json", "application/atom+xml",
        "application/xml", "text/xml", "text/csv", "text/plain",
    ];

    public static IServiceCollection AddCaching(this IServiceCollection services)
    {
        services.AddOptions<OutputCacheSettings>().BindConfiguration(OutputCacheSettings.Section)
            .Validate(s => s.Duration > TimeSpan.Zero, $"{OutputCacheSettings.Section}:Duration must be positive, e.g. 00:01:00.")
            .ValidateOnStart();
        services.AddOutputCache(options => options.SizeLimit = 256L * 1024 * 1024);
        // The store refuses answers made while content changed (see GenerationCheckedStore).
        var memoryStore = services.Single(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(memoryStore);
        services.AddSingleton<IOutputCacheStore>(sp => new GenerationCheckedStore(
            (IOutputCacheStore)memoryStore.ImplementationFactory!(sp), sp.GetRequiredService<ContentGeneration>()));
        services.AddSingleton<ContentGeneration>();
        services.AddSingleton<CacheEviction>();
        services.AddSingleton<ContentReadCache>();
        services.AddSingleton<CacheTagMap>();
        services.AddSingleton<ContentChangeInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor>(sp => sp.GetRequiredService<ContentChangeInterceptor>());

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // safe here: see BreachSafeCompression
            options.MimeTypes = CompressedTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, BreachSafeCompression>());
        return services;
    }

    /// <summary>Declares which cached answers a write of <typeparamref name="T"/> changes; no tags: no public answer shows it.</summary>
    public static IServiceCollection AddCacheTags<T>(this IServiceCollection services, params string[] tags) =>
        services.AddSingleton(new CacheTagDeclaration(typeof(T), tags));

    /// <summary>
    /// After routing (the cache reads the endpoint's policy), request localisation (it varies by the chosen language)
    /// and authentication; compression inside it, so the cache keeps compressed bytes and compresses each page once.
    /// </summary>
    public static WebApplication UseCaching(this WebApplication app)
    {
        var generation = app.Services.GetRequiredService<ContentGeneration>();
        app.Use((context, next) =>
        {
            GenerationCheckedStore.NoteRequestStart(generation.Value);
            return next(context);
        });
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }

    /// <summary>Marks a minimal-API endpoint as a public answer that shows <paramref name="shows"/>.</summary>
    public static TBuilder CacheForReaders<TBuilder>(this TBuilder builder, params string[] shows) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicCacheAttribute(shows));
}
