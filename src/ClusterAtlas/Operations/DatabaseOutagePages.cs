using System.Globalization;
using System.Net;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClusterAtlas.Operations;

/// <summary>
/// The one place that answers a request the database could not serve (<see cref="DatabaseOutage"/>): 503 with
/// Retry-After, never a 500 or a stack trace. Pages get the site's error page in the reader's language, re-executed
/// as /errors/503 (it needs no database); when even that fails (a signed-in reader's cookie is checked against the
/// database) a small self-contained page with the same words. Under /api/ the answer is problem details. The
/// connection pool the request used is emptied, so the request after the outage opens a fresh connection rather than
/// a broken one (a restarted PostgreSQL, a SQLite file that was opened read-only while it was).
/// </summary>
public sealed class DatabaseOutagePages(RequestDelegate next, ILogger<DatabaseOutagePages> logger, IOptions<ClusterAtlasOptions> options)
{
    public const string PagePath = "/errors/503";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (DatabaseOutage.IsUnavailable(error) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogAndForgetConnections(context, error);
            await AnswerAsync(context);
        }
    }

    private void LogAndForgetConnections(HttpContext context, Exception error)
    {
        var db = context.RequestServices.GetService<ClusterAtlasDbContext>();
        var reason = StorageFaults.Explain(error, options.Value, db?.Database.IsNpgsql() == true ? db.Database.GetConnectionString() : null)
            ?? (error.InnerException ?? error).Message;
        if (StorageFaults.IsPoolExhausted(error))
        {
            // Overloaded, not down: the pool's connections are good, and throwing them away would make the server
            // start new processes when it is busiest.
            logger.LogWarning("The database is busy, {Method} {Path} answered 503: {Reason}", context.Request.Method, StructuredLogging.LoggedPath(context.Request), reason);
            return;
        }
        // One line per refused request, without the stack trace: the outage is the news, not where it was met.
        logger.LogWarning("The database is unavailable, {Method} {Path} answered 503: {Reason}", context.Request.Method, StructuredLogging.LoggedPath(context.Request), reason);
        switch (db?.Database.GetDbConnection())
        {
            case NpgsqlConnection postgres:
                NpgsqlConnection.ClearPool(postgres);
                break;
            case SqliteConnection sqlite:
                SqliteConnection.ClearPool(sqlite);
                break;
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var isApi = context.Request.Path.StartsWithSegments(Api.ApiProblems.Prefix);
        Prepare(context.Response);
        if (isApi)
        {
            await TypedResults.Problem(
                detail: $"The database is unavailable just now; try again in {DatabaseOutage.RetryAfterSeconds} seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["retryAfter"] = DatabaseOutage.RetryAfterSeconds }).ExecuteAsync(context);
            return;
        }
        var originalPath = context.Request.Path;
        var originalMethod = context.Request.Method;
        try
        {
            context.Request.Path = PagePath;
            context.Request.Method = HttpMethods.IsHead(originalMethod) ? originalMethod : HttpMethods.Get;
            context.SetEndpoint(null);
            context.Features.Get<IRouteValuesFeature>()?.RouteValues.Clear();
            await next(context);
            if (context.Response.StatusCode != StatusCodes.Status503ServiceUnavailable && !context.Response.HasStarted)
            {
                throw new InvalidOperationException("The error page did not answer 503.");
            }
        }
        catch (Exception again) when (!context.Response.HasStarted)
        {
            logger.LogDebug(again, "The error page could not be shown during the outage; the plain page was");
            Prepare(context.Response);
            await WritePlainPageAsync(context);
        }
        finally
        {
            context.Request.Path = originalPath;
            context.Request.Method = originalMethod;
        }
    }

    private static void Prepare(HttpResponse response)
    {
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>The same words without the layout: nothing here needs the database, a view or a static file.</summary>
    private static async Task WritePlainPageAsync(HttpContext context)
    {
        var T = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var title = WebUtility.HtmlEncode(T["The platform is briefly unavailable"]);
        var text = WebUtility.HtmlEncode(T["The platform cannot reach its database just now, so it could not answer. Please try again in a minute; if you were sending a form, go back and send it again."]);
        var home = WebUtility.HtmlEncode(T["Home"]);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(CultureInfo.CurrentUICulture.Name)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} - ClusterAtlas</title></head>
            <body><main><h1>{title}</h1><p>{text}</p><p><a href="/">{home}</a></p></main></body>
            </html>
            """, context.RequestAborted);
    }
}
