using Scalar.AspNetCore;

namespace ClusterAtlas.Api;

/// <summary>
/// The API reference page at /api/docs (Scalar), served entirely by the app: its script is the copy inside the
/// Scalar.AspNetCore package, no fonts from elsewhere, and the page's Content-Security-Policy allows only its own
/// scripts by a nonce made for each request (the site's policy forbids inline scripts, which the page needs).
/// </summary>
public static class ScalarReference
{
    public static void Configure(ScalarOptions options, HttpContext context)
    {
        options.WithTitle("API reference · ClusterAtlas")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            // The hosted-service bar (share, SDK generation, deploy) points at services outside this site.
            .HideDeveloperTools()
            .WithNonce()
            .WithBundleUrl(ApiReferencePage.ScriptAddress)
            // The theme's faintest text (placeholders, the client tabs) is #8e8e8e on white, 3.3:1, and the PUT and PATCH
            // labels orange and yellow, 3.2:1 and 1.7:1; WCAG AA asks 4.5:1.
            .WithCustomCss(".light-mode { --scalar-color-3: #636363; --scalar-color-orange: #b84000; --scalar-color-yellow: #7a5e00; } .dark-mode { --scalar-color-3: #9a9a9a; }")
            // The page is the package's, not the site's layout: a way back to the site.
            .AddHeaderContent("""<header class="site-return"><a href="/">← ClusterAtlas</a></header>""");
        context.Response.OnStarting(() =>
        {
            if (context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
            {
                context.Response.Headers.ContentSecurityPolicy =
                    $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; script-src 'self' 'nonce-{nonce}'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            }
            return Task.CompletedTask;
        });
    }
}
