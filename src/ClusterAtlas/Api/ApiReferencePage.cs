using System.Reflection;
using Scalar.AspNetCore;

namespace ClusterAtlas.Api;

/// <summary>
/// What the Scalar package's page at /api/docs does not do by itself. Its 5 MB script is answered with
/// <c>no-cache</c>, so every visit asked for it again: the page loads it by an address with the package's version
/// (<see cref="ScriptAddress"/>), which is cached for a year since that script changes only with the package (the
/// unversioned address still revalidates by its ETag). And its <c>&lt;html&gt;</c> has no language, which screen
/// readers need to pick a voice: the page is in English, whatever the reader's language, so it says so.
/// </summary>
public sealed class ApiReferencePage(RequestDelegate next)
{
    private const string Page = ApiFeature.DocsPath + "/";
    private const string Script = ApiFeature.DocsPath + "/scalar.js";

    /// <summary>The package's version: its script is embedded in it, so a new script comes with a new version.</summary>
    public static readonly string ScriptVersion =
        typeof(ScalarOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ScalarOptions).Assembly.GetName().Version!.ToString();

    /// <summary>Relative to the page, as the package's own addresses are.</summary>
    public static readonly string ScriptAddress = "scalar.js?v=" + Uri.EscapeDataString(ScriptVersion);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Equals(Script, StringComparison.Ordinal) && request.Query["v"] == ScriptVersion)
        {
            context.Response.OnStarting(() =>
            {
                // After the package's handler, which sets no-cache.
                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Task.CompletedTask;
            });
            await next(context);
            return;
        }
        if (!request.Path.Equals(Page, StringComparison.Ordinal) || !HttpMethods.IsGet(request.Method))
        {
            await next(context);
            return;
        }
        // The page is under a kilobyte: hold it, then name its language.
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        var response = context.Response;
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true && response.Headers.ContentEncoding.Count == 0)
        {
            var html = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            var bytes = System.Text.Encoding.UTF8.GetBytes(html.Replace("<html>", "<html lang=\"en\">", StringComparison.Ordinal));
            response.ContentLength = bytes.Length;
            await body.WriteAsync(bytes, context.RequestAborted);
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }
}
