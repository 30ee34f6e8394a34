using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClusterAtlas.Map;

public static class MapFeature
{
    public static IServiceCollection AddMap(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MapOptions>(configuration.GetSection(MapOptions.Section));
        services.AddSingleton(_ => Gazetteer.Shipped);
        services.AddSingleton<ProfileLocator>();
        services.AddSingleton<ISaveChangesInterceptor, ProfileLocationInterceptor>();
        services.AddScoped<ProfileLocations>();
        return services;
    }

    public static WebApplication MapMap(this WebApplication app)
    {
        MapGeoJson.Map(app);
        MapPoints.Map(app);
        return app;
    }
}
