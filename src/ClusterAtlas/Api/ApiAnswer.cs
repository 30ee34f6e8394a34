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
public sealed class ApiAnswer<T>(T value, bool personal = false) : IResult, IEndpointMetadataProvider
{
    public T Value { get; } = value;

    /// <summary>The answer depends on the caller's access token (members-only contacts): private, never shared by caches.</summary>
    public bool Personal { get; } = personal;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ApiAnswer.WriteAsync(httpContext, ApiAnswer.Serialize(httpContext, Value), ApiAnswer.JsonContentType, Personal);
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

    public const string JsonContentType = "application/json; charset=utf-8";

    public static ApiAnswer<T> Of<T>(T value, bool personal = false) => new(value, personal);

    /// <summary>The bytes of an answer, as every API answer writes JSON (so that equal values give equal ETags).</summary>
    public static byte[] Serialize<T>(HttpContext httpContext, T value)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var json = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return JsonSerializer.SerializeToUtf8Bytes(value, json);
    }

    /// <summary>The strong ETag of an answer's bytes.</summary>
    public static EntityTagHeaderValue ETagOf(byte[] body) => new("\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"");

    /// <summary>
    /// Writes <paramref name="body"/> as an API read answer: strong ETag from its bytes, conditional GET (304) and
    /// If-Match (412), public caching and the data licence. Used by every read of the API, whatever its format.
    /// A <paramref name="personal"/> answer (it depends on the caller's token) is private to the caller; an answer to
    /// a write is not <paramref name="conditional"/> (the request's If-Match named the version it replaced). An answer
    /// kept in memory may bring its <paramref name="etag"/> (<see cref="ETagOf"/> of its bytes), so it is not hashed again.
    /// </summary>
    public static async Task WriteAsync(HttpContext httpContext, byte[] body, string contentType, bool personal = false, bool conditional = true, EntityTagHeaderValue? etag = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(body);
        var services = httpContext.RequestServices;
        etag ??= ETagOf(body);
        var request = httpContext.Request.GetTypedHeaders();
        var response = httpContext.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = personal ? "private, no-cache" : $"public, max-age={ApiAnswer.MaxAgeSeconds}";
        // On the public answers too: a shared cache must not give the anonymous answer to a request with a token
        // (which may read more, such as the contacts shown to members), nor a token's answer to anyone else.
        response.Headers.Append(HeaderNames.Vary, "Authorization");
        var licence = services.GetRequiredService<IOptions<DataLicenceOptions>>().Value;
        response.Headers.Link = $"<{licence.Url}>; rel=\"license\"";
        if (conditional && request.IfMatch is { Count: > 0 } ifMatch && !ifMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: true)))
        {
            await TypedResults.Problem(
                detail: $"If-Match names another version of this resource; its current ETag is {etag}.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["header"] = "If-Match" }).ExecuteAsync(httpContext);
            return;
        }
        if (conditional && request.IfNoneMatch is { Count: > 0 } ifNoneMatch && ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
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
