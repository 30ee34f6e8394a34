using System.Threading.RateLimiting;
using ClusterAtlas.AccessTokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace ClusterAtlas.Api;

/// <summary>
/// The open-data API: its routes under /api/v1, problem details for every error, CORS open for reads, a per-client
/// rate limit, the OpenAPI document at /openapi/v1.json and its reference page at /api/docs (docs/decisions/0018).
/// </summary>
public static class ApiFeature
{
    public const string CorsPolicy = "open-data";
    public const string RateLimit = "api-reads";
    public const string DocsPath = "/api/docs";
    public const string DocumentPath = "/openapi/v1.json";
    public static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.RequestsPerMinute >= 1, $"{ApiOptions.Section}:RequestsPerMinute must be 1 or more.")
            .Validate(o => o.WritesPerMinute >= 1, $"{ApiOptions.Section}:WritesPerMinute must be 1 or more.")
            .ValidateOnStart();
        // Anyone may read from any origin; no credentials, since answers never depend on who asks.
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(ReadMethods)
            .WithHeaders("Accept", "Accept-Language", "If-None-Match", "If-Match", "Authorization")
            .WithExposedHeaders("ETag", "Link", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.Configure<RateLimiterOptions>(options =>
        {
            options.AddPolicy(RateLimit, ReadsPerClient);
            options.AddPolicy(ProfileWriteApi.RateLimit, WritesPerToken);
        });
        services.AddOpenApi("v1", options => OpenApiDocumentSetup.Configure(options));
        return services;
    }

    /// <summary>Between routing and authentication: problems for every error under /api/, CORS headers on them too.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseMiddleware<ApiProblems>();
        app.UseMiddleware<ApiReferencePage>();
        // The OpenAPI document too: tools on other sites (an API explorer, a client generator) load it.
        app.UseWhen(context => (context.Request.Path.StartsWithSegments(ApiProblems.Prefix) && !context.Request.Path.StartsWithSegments(DocsPath))
                || context.Request.Path.Equals(DocumentPath, StringComparison.Ordinal),
            branch => branch.UseCors(CorsPolicy));
        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapGroup("/api/v1")
            .RequireRateLimiting(RateLimit)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .MapDirectoryApi()
            .MapExportApi()
            .MapProfileApi()
            .MapVocabularyApi();
        app.MapOpenApi(DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal))
            // HEAD as GET, as every other read (the last method metadata is the one routing takes).
            .WithMetadata(new HttpMethodMetadata(ReadMethods))
            .ExcludeFromDescription();
        app.MapScalarApiReference(DocsPath, ScalarReference.Configure).ExcludeFromDescription();
        return app;
    }

    public static ProblemHttpResult NotFound(string detail, string parameter) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>
    /// Writes are counted per access token (authorisation, which runs first, has put the token's account on the
    /// request), so one runaway script cannot crowd out another member's, wherever they run.
    /// </summary>
    private static RateLimitPartition<string> WritesPerToken(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        var key = context.User.AccessTokenId() is { } tokenId
            ? "token " + tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "client " + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.WritesPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static RateLimitPartition<string> ReadsPerClient(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}

/// <summary>Settings under "ClusterAtlas:Api".</summary>
public sealed class ApiOptions
{
    public const string Section = "ClusterAtlas:Api";

    /// <summary>Requests one client address may make to /api/v1 per minute; more get 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Writes (PUT, PATCH) one access token may make per minute; more get 429 with Retry-After.</summary>
    public int WritesPerMinute { get; set; } = 60;
}
