using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace ClusterAtlas.Localisation;

/// <summary>
/// The languages of the interface: resource strings, the visitor's culture on every request, the language switcher,
/// and the data's names in the page's language (<see cref="DataLabels"/>).
/// </summary>
public static class LocalisationFeature
{
    public static IServiceCollection AddLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, CachedStringLocalizerFactory>();
        services.AddSingleton<DataLabels>();
        // One shared localizer: it reads the current culture at each call, and building one per view (as the
        // transient default does, with reflection over assembly attributes) cost more than rendering the view.
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, Microsoft.Extensions.Localization.StringLocalizer<SharedResource>>();
        services.AddRequestLocalization(options =>
        {
            var cultures = Languages.Supported.Select(l => l.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Supported[0].Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // No query-string provider: one URL per page, the language is the visitor's setting.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context => Task.FromResult(Languages.FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString()))),
            ];
        });
        return services;
    }

    /// <summary>GET /language?culture=sr-Latn&amp;returnUrl=/path: remembers the choice in the culture cookie and goes back to the page.</summary>
    public static IEndpointRouteBuilder MapLocalisation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Languages.SwitchPath, Results<RedirectHttpResult, ContentHttpResult> (HttpContext context, string? culture, string? returnUrl) =>
        {
            // A hand-written link may say "sr" or "de-DE": the language it names, as Accept-Language would be read.
            var chosen = Languages.Match(culture) is { } name ? Languages.Supported.Select(l => l.Culture).First(c => c.Name == name) : null;
            if (chosen is null)
            {
                return TypedResults.Text(
                    // (Not repeating what was sent: a crafted link would put its words on this site's address.)
                    $"The parameter culture names no language of this platform: use one of {string.Join(", ", Languages.Supported.Select(l => l.Culture.Name))}.",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                });
            // Only ever back into this site: anything that is not a local path goes home.
            return TypedResults.LocalRedirect(ClusterAtlas.Pages.LocalReturnUrl.Normalise(returnUrl));
        }).ExcludeFromDescription();
        return endpoints;
    }
}
