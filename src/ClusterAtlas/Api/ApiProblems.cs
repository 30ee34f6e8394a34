using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace ClusterAtlas.Api;

/// <summary>
/// Every error under /api/ is RFC 9457 problem details, never the HTML error page: an unknown path, a method the
/// endpoint does not take, a refused or throttled request, a failure. Endpoints that know more (a bad parameter, an
/// unknown slug) write their own problem naming the parameter; this fills in every answer that left its body empty.
/// </summary>
public sealed class ApiProblems(RequestDelegate next, ILogger<ApiProblems> logger)
{
    public const string Prefix = "/api";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix))
        {
            await next(context);
            return;
        }
        // The HTML status pages (re-executed /errors/{code}) are for people; API clients get JSON.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        try
        {
            await next(context);
        }
        // The client's own mistake the server found while reading its request (a body past the server's limit, a
        // broken chunk): its status, not a failure of ours.
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            context.Response.StatusCode = exception.StatusCode;
        }
        // A database outage is answered 503 in one place for pages and the API alike (Operations/DatabaseOutagePages).
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
            && !Operations.DatabaseOutage.IsUnavailable(exception))
        {
            logger.LogError(exception, "The API failed to answer {Method} {Path}", context.Request.Method, Operations.StructuredLogging.LoggedPath(context.Request));
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType))
        {
            return;
        }
        var (detail, extensions) = Explain(context);
        await TypedResults.Problem(detail: detail, statusCode: response.StatusCode, type: TypeOf(response.StatusCode), extensions: extensions).ExecuteAsync(context);
    }

    /// <summary>
    /// The type of the statuses the framework has none for (its defaults name 400–422 and 500): every problem names the
    /// section of the standard its status comes from, as the OpenAPI document's examples show.
    /// </summary>
    public static string? TypeOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status428PreconditionRequired => "https://tools.ietf.org/html/rfc6585#section-3",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => null,
    };

    private static (string Detail, Dictionary<string, object?> Extensions) Explain(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        var headers = context.Response.Headers;
        return context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ($"No API resource at {path}. The endpoints are described at /openapi/v1.json.", new() { ["path"] = path }),
            StatusCodes.Status405MethodNotAllowed => ($"{method} is not allowed on {path}; it takes {(headers.Allow.Count > 0 ? headers.Allow.ToString() : "GET and HEAD")}.", new() { ["method"] = method }),
            StatusCodes.Status429TooManyRequests => (
                // The writes are counted per access token, the reads per client.
                (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName == ProfileWriteApi.RateLimit
                    ? "Too many writes with this access token"
                    : "Too many requests from this client")
                + $"; try again in {(headers.RetryAfter.Count > 0 ? headers.RetryAfter.ToString() : "60")} seconds.",
                new() { ["retryAfter"] = int.TryParse(headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null }),
            StatusCodes.Status415UnsupportedMediaType => (
                $"{method} {path} does not take the request's Content-Type ({(string.IsNullOrEmpty(context.Request.ContentType) ? "none" : context.Request.ContentType)}); see /openapi/v1.json for the media type it takes.",
                new() { ["header"] = "Content-Type" }),
            StatusCodes.Status413PayloadTooLarge => (
                $"The request's body is larger than the {(context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit ? limit.ToString("N0", CultureInfo.InvariantCulture) + " bytes" : "size")} the server takes.",
                new() { ["parameter"] = "body" }),
            StatusCodes.Status401Unauthorized => ($"{path} needs an access token.", new() { ["header"] = "Authorization" }),
            StatusCodes.Status403Forbidden => ($"The access token does not allow {method} {path}.", new() { ["header"] = "Authorization" }),
            StatusCodes.Status500InternalServerError => ("The server failed to answer this request; the failure was logged. Try again later.", new() { ["path"] = path }),
            _ => ($"{method} {path} could not be answered.", new() { ["path"] = path }),
        };
    }
}
