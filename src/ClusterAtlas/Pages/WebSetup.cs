using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ClusterAtlas.Pages;

/// <summary>What every page shares: Razor Pages from the feature folders, localisation, errors, static files.</summary>
public static class WebSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("sr-Latn"), new("de")];

    public static IServiceCollection AddClusterAtlasWeb(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Pages live in their feature folders (Profiles/, Pages/...), each with an explicit route.
        services.AddRazorPages(options => options.RootDirectory = "/")
            .AddViewLocalization()
            // Validation messages are English keys of the shared resource, like every other UI string.
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddProblemDetails();
        services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
        });
        return services;
    }

    public static WebApplication UseClusterAtlasWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/errors/500");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        return app;
    }
}
