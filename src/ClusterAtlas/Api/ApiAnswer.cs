using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using ClusterAtlas.Pages;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ClusterAtlas.Api;

/// <summary>
/// A read answer of the open-data API: camelCase JSON with a strong ETag (a hash of the bytes, so equal data gives the
/// same tag on every server), conditional GET (If-None-Match gives 304; an If-Match that names another version, 412),
/// a short public cache lifetime and the data licence as a Link header. Answers never depend on who asks (the API
/// reads as an anonymous visitor), which is what makes them cacheable by anyone.
/// </summary>
public sealed class ApiAnswer<T>(T value) : IResult, IEndpointMetadataProvider
{
    public T Value { get; } = value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var json = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return ApiAnswer.WriteAsync(httpContext, JsonSerializer.SerializeToUtf8Bytes(Value, json), "application/json; charset=utf-8");
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider's member is static on the result type by design.
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status412PreconditionFailed, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
    }
#pragma warning restore CA1000
}

public static class ApiAnswer
{
    /// <summary>Seconds a client or proxy may reuse an answer without asking again.</summary>
    public const int MaxAgeSeconds = 60;

    public static ApiAnswer<T> Of<T>(T value) => new(value);

    /// <summary>
    /// Writes <paramref name="body"/> as an API read answer: strong ETag from its bytes, conditional GET (304) and
    /// If-Match (412), public caching and the data licence. Used by every read of the API, whatever its format.
    /// </summary>
    public static async Task WriteAsync(HttpContext httpContext, byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(body);
        var services = httpContext.RequestServices;
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"");
        var request = httpContext.Request.GetTypedHeaders();
        var response = httpContext.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = $"public, max-age={ApiAnswer.MaxAgeSeconds}";
        var licence = services.GetRequiredService<IOptions<DataLicenceOptions>>().Value;
        response.Headers.Link = $"<{licence.Url}>; rel=\"license\"";
        if (request.IfMatch is { Count: > 0 } ifMatch && !ifMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: true)))
        {
            await TypedResults.Problem(
                detail: $"If-Match names another version of this resource; its current ETag is {etag}.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["header"] = "If-Match" }).ExecuteAsync(httpContext);
            return;
        }
        if (request.IfNoneMatch is { Count: > 0 } ifNoneMatch && ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
