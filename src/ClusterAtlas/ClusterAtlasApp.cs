using ClusterAtlas.AccessTokens;
using ClusterAtlas.Accounts;
using ClusterAtlas.Api;
using ClusterAtlas.Caching;
using ClusterAtlas.Calls;
using ClusterAtlas.Contact;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Events;
using ClusterAtlas.Instances;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Links;
using ClusterAtlas.Localisation;
using ClusterAtlas.Mail;
using ClusterAtlas.Network;
using ClusterAtlas.Newsletter;
using ClusterAtlas.News;
using ClusterAtlas.Map;
using ClusterAtlas.Moderation;
using ClusterAtlas.Notifications;
using ClusterAtlas.Operations;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Pages;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Logos;
using ClusterAtlas.Statistics;
using ClusterAtlas.Vocabularies;
using ClusterAtlas.WebOfData;

namespace ClusterAtlas;

/// <summary>The table of contents of the application: one Add and one Use/Map per feature.</summary>
public static class ClusterAtlasApp
{
    /// <summary>
    /// The executable finds its static files and settings beside itself, so it runs the same from any folder
    /// (`dotnet run --project`, a published folder, a service manager); a content root given on the command line wins.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) || Directory.Exists("wwwroot")
            ? null
            : AppContext.BaseDirectory,
    };

    public static WebApplicationBuilder AddClusterAtlas(this WebApplicationBuilder builder)
    {
        builder.UseBuildOutputStaticAssets();
        var services = builder.Services;
        services.AddClusterAtlasData(builder.Configuration);
        services.AddCaching();
        services.AddInstances();
        services.AddClusterAtlasWeb();
        services.AddLocalisation();
        services.AddLinks();
        services.AddMail(builder.Configuration);
        services.AddOperations(builder.Configuration);
        services.AddVocabularies();
        services.AddProfiles();
        services.AddDirectory();
        services.AddApi();
        services.AddWebOfData();
        services.AddImportExport();
        services.AddAccounts(builder.Configuration);
        services.AddAccessTokens();
        services.AddModeration();
        services.AddPartnerSearch(builder.Configuration);
        services.AddEvents();
        services.AddNetwork();
        services.AddMap(builder.Configuration);
        services.AddStatistics();
        services.AddNotifications(builder.Configuration);
        services.AddContact(builder.Configuration);
        services.AddNewsletter(builder.Configuration);
        services.AddCalls();
        services.AddNews();
        return builder;
    }

    /// <summary>
    /// Run from the build output (`dotnet run`, any environment), the static files and their build-time gzip and
    /// Brotli copies live in the project and under obj/, listed by the build's runtime manifest; ASP.NET Core reads
    /// that manifest only in Development, so in Production `MapStaticAssets` answered compressed requests with empty
    /// bodies. A published folder has no such manifest (the files sit in its wwwroot), so this does nothing there.
    /// Served from a build's manifest, ASP.NET Core also treats the files as being edited (its runtime reload): the
    /// fingerprinted files went out `no-cache` instead of cached for a year, and every request that reached routing
    /// looked for its path as a file on disk (a file-exists route constraint of a fallback endpoint), about 5 % of an
    /// uncached page's CPU. Outside Development a build's files do not change while it runs, so that reload is off
    /// unless `ReloadStaticAssetsAtRuntime` is set.
    /// </summary>
    private static void UseBuildOutputStaticAssets(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            Microsoft.AspNetCore.Hosting.StaticWebAssets.StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
            if (builder.Configuration[ReloadStaticAssetsAtRuntime] is null)
            {
                builder.Configuration.AddInMemoryCollection([new(ReloadStaticAssetsAtRuntime, "false")]);
            }
        }
    }

    private const string ReloadStaticAssetsAtRuntime = "ReloadStaticAssetsAtRuntime";

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeForServingAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseClusterAtlas(this WebApplication app)
    {
        app.UseForwardedHeadersOfTrustedProxies();
        app.UseRequestLogging();
        app.UseClusterAtlasWeb();
        app.UseApi();
        app.UseAccounts();
        app.UseCaching();
        app.MapOperations();
        app.MapApi();
        app.MapWebOfData();
        app.MapLocalisation();
        app.MapProfileLogos();
        app.MapPartnerSearch();
        app.MapEvents();
        app.MapCalls();
        app.MapNews();
        app.MapMap();
        app.MapStatistics();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
