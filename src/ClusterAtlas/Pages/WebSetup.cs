using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Pages;

/// <summary>What every page shares: Razor Pages from the feature folders, localisation, errors, static files.</summary>
public static class WebSetup
{
    public static IServiceCollection AddClusterAtlasWeb(this IServiceCollection services)
    {
        // A wrong setting stops the start with the setting's name, rather than showing visitors a broken contact or link.
        services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Email) || new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(o.Email.Trim()),
                $"{OperatorOptions.Section}:Email must be an e-mail address, e.g. contact@clusters.example.org.")
            .ValidateOnStart();
        services.AddOptions<DataLicenceOptions>().BindConfiguration(DataLicenceOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name), $"{DataLicenceOptions.Section}:Name must name the licence, e.g. CC BY 4.0.")
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                $"{DataLicenceOptions.Section}:Url must be the licence's web address, e.g. https://creativecommons.org/licenses/by/4.0/.")
            .ValidateOnStart();
        // Pages live in their feature folders (Profiles/, Pages/...), each with an explicit route.
        services.AddRazorPages(options => options.RootDirectory = "/")
            .AddMvcOptions(options =>
            {
                options.Filters.Add<GetOnlyPageFilter>();
                options.Filters.Add<PageNumberFilter>();
                var form = options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.FormValueProviderFactory>().Single();
                options.ValueProviderFactories[options.ValueProviderFactories.IndexOf(form)] = new InvariantFormValueProviderFactory();
            })
            .AddViewLocalization()
            // Validation messages are English keys of the shared resource, like every other UI string.
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, Localisation.LocalisedValidation>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.DataAnnotations.IValidationAttributeAdapterProvider, Localisation.LocalisedValidation.AdapterProvider>();
        services.AddProblemDetails();
        // Letters of every script written as themselves, not as numeric references: the encoder still escapes what
        // HTML gives meaning to (< > & ' " +), and spaces other than the plain one. Serbian and German pages are smaller.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    public static WebApplication UseClusterAtlasWeb(this WebApplication app)
    {
        WarnWhenTheOperatorIsMissing(app);
        WarnWhenTheAddressIsMissing(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/errors/500");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.UseMiddleware<MalformedFormGuard>();
        app.UseRequestLocalization();
        // After localisation (the 503 page is in the reader's language), before the headers (its re-execution gets them).
        app.UseMiddleware<Operations.DatabaseOutagePages>();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            // No page uses the camera, the microphone, the visitor's location or payments: embedded content may not either.
            headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
            context.Response.OnStarting(DeclareLanguageVary, context);
            await next();
        });
        app.UseRouting();
        // Build-time compressed (gzip, Brotli), fingerprinted, cached for a year when asked by their versioned URL.
        app.MapStaticAssets();
        return app;
    }

    /// <summary>
    /// Pages are written in the language of the language cookie or of Accept-Language, at one address: a cache between
    /// the platform and its readers (a CDN, a company proxy) must key them by both, or it serves one reader's language
    /// to the next. So must the few other answers written in the reader's language (<see cref="VariesByLanguage"/>);
    /// not the static files, feeds, sitemap, API answers and images, which are the same for everyone.
    /// </summary>
    private static Task DeclareLanguageVary(object state)
    {
        var context = (HttpContext)state;
        var response = context.Response;
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            || context.GetEndpoint()?.Metadata.GetMetadata<VariesByLanguage>() is not null)
        {
            var vary = response.Headers.Vary.ToString();
            foreach (var header in new[] { HeaderNames.AcceptLanguage, HeaderNames.Cookie })
            {
                if (!vary.Contains(header, StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers.Append(HeaderNames.Vary, header);
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Without a configured address, links in mail are made only for requests on this machine's own address.</summary>
    private static void WarnWhenTheAddressIsMissing(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var address = scope.ServiceProvider.GetRequiredService<ClusterAtlas.Links.PublicAddress>();
        if (app.Environment.IsProduction() && address.ConfiguredBaseUrl is null && !address.HostsAreRestricted)
        {
            app.Logger.LogWarning(
                "ClusterAtlas:BaseUrl is not set and AllowedHosts allows any host: account and moderation e-mails are sent only for requests made on this machine's own address (localhost). Set ClusterAtlas:BaseUrl to the platform's public address, e.g. https://clusters.example.org.");
        }
    }

    /// <summary>A public installation must say who runs it; the pages never make an operator up, so say it where the admin looks.</summary>
    private static void WarnWhenTheOperatorIsMissing(WebApplication app)
    {
        if (app.Environment.IsProduction() && !app.Services.GetRequiredService<IOptions<OperatorOptions>>().Value.IsConfigured)
        {
            app.Logger.LogWarning(
                "The operator of this installation is not configured: the privacy policy, terms and imprint tell every visitor so. Set ClusterAtlas:Operator:Name and ClusterAtlas:Operator:Email (and :Address, :Phone).");
        }
    }
}
