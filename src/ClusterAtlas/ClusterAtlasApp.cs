using ClusterAtlas.Accounts;
using ClusterAtlas.Api;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Operations;
using ClusterAtlas.Pages;
using ClusterAtlas.Profiles;

namespace ClusterAtlas;

/// <summary>The table of contents of the application: one Add and one Use/Map per feature.</summary>
public static class ClusterAtlasApp
{
    public static WebApplicationBuilder AddClusterAtlas(this WebApplicationBuilder builder)
    {
        builder.Services.AddClusterAtlasData(builder.Configuration);
        builder.Services.AddClusterAtlasWeb();
        builder.Services.AddProfiles();
        builder.Services.AddDirectory();
        builder.Services.AddAccounts(builder.Configuration);
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseClusterAtlas(this WebApplication app)
    {
        app.UseClusterAtlasWeb();
        app.UseAccounts();
        app.MapOperations();
        app.MapDirectoryApi();
        app.MapRazorPages();
        return app;
    }
}
