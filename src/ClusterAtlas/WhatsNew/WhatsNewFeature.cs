namespace ClusterAtlas.WhatsNew;

/// <summary>The registry of what each feature publishes (<see cref="IPublishedItems"/>).</summary>
public static class WhatsNewFeature
{
    public static IServiceCollection AddPublishedItems<T>(this IServiceCollection services)
        where T : class, IPublishedItems =>
        services.AddScoped<IPublishedItems, T>();

    /// <summary>Every registered section, in its <see cref="IPublishedItems.Order"/>.</summary>
    public static IReadOnlyList<IPublishedItems> Sections(this IServiceProvider services) =>
        [.. services.GetServices<IPublishedItems>().OrderBy(s => s.Order)];
}
