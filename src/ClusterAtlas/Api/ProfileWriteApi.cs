using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.AccessTokens;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Pages;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ClusterAtlas.Api;

/// <summary>
/// PUT and PATCH (JSON Merge Patch) of /api/v1/cluster-organisations/{slug}, for the profile's administrators with a
/// write-scoped access token: the document is read back into the edit form's shape, checked by the form's own
/// validator (the steps whose fields changed, as the form checks the step it saves) and saved through the editor, so
/// every write is a revision and a published profile's change reaches the moderators' feed like a form edit.
/// If-Match is required (428 without it, 412 when it names another version).
/// </summary>
public static class ProfileWriteApi
{
    public const string PutOperationId = "ReplaceClusterOrganisation";
    public const string PatchOperationId = "PatchClusterOrganisation";
    public const string RateLimit = "api-writes";

    public static RouteGroupBuilder MapProfileWriteApi(this RouteGroupBuilder api)
    {
        api.MapPut("/cluster-organisations/{slug}", (string slug, HttpContext context, CancellationToken cancellationToken) =>
                WriteAsync(slug, context, "application/json", (_, body) => body, cancellationToken))
            .WithName(PutOperationId)
            .WithSummary("Replace the content of a cluster organisation's profile you administer.")
            .WithDescription("The whole profile as GET answers it (the properties the platform sets may be left out or sent unchanged; a field left out is emptied). "
                + "Needs a write-scoped access token of one of the profile's administrators and If-Match with the ETag of the version it replaces. "
                + "Checked like the edit form; saved as a revision (a published profile's change goes live and to the moderators' feed, as a form edit does). The body may hold up to 1,000,000 bytes.")
            .Accepts<JsonObject>("application/json")
            .WithWriteAnswers();
        api.MapPatch("/cluster-organisations/{slug}", (string slug, HttpContext context, CancellationToken cancellationToken) =>
                WriteAsync(slug, context, JsonMergePatch.MediaType, (stored, body) => JsonMergePatch.Apply(stored, body), cancellationToken))
            .WithName(PatchOperationId)
            .WithSummary("Change some fields of a cluster organisation's profile you administer (JSON Merge Patch, RFC 7396).")
            .WithDescription("A JSON Merge Patch of the profile as GET answers it: the properties sent replace the stored ones (lists and rows as a whole), null empties a field. "
                + "Needs a write-scoped access token of one of the profile's administrators and If-Match with the ETag of the version it changes. "
                + "Checked like the edit form; saved as a revision (a published profile's change goes live and to the moderators' feed, as a form edit does). The body may hold up to 1,000,000 bytes.")
            .Accepts<JsonObject>(JsonMergePatch.MediaType)
            .WithWriteAnswers();
        return api;
    }

    private static RouteHandlerBuilder WithWriteAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .WithTags("Cluster organisations")
        .RequireAuthorization(AccessTokensFeature.WritePolicy)
        .RequireRateLimiting(RateLimit)
        .Produces<JsonObject>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<IResult> WriteAsync(string slug, HttpContext context, string mediaType, Func<JsonObject, JsonNode?, JsonNode?> compose,
        CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var editor = services.GetRequiredService<ProfileEditor>();
        var user = context.User;
        var profile = await editor.FindAsync(slug, cancellationToken);
        if (profile is null)
        {
            return ApiFeature.NotFound($"No cluster organisation has the slug \"{slug}\".", "slug");
        }
        if (!await services.GetRequiredService<IAuthorizationService>().MayEditAsync(user, profile))
        {
            // A profile that is not published is not known to anyone else.
            return profile.Status == ProfileStatus.Published
                ? Problem(StatusCodes.Status403Forbidden, "The access token's account does not administer this profile; only its administrators may change it.", "slug")
                : ApiFeature.NotFound($"No cluster organisation has the slug \"{slug}\".", "slug");
        }
        var baseUrl = services.GetRequiredService<PublicAddress>().TrustedBaseUrl() ?? "";
        var licence = services.GetRequiredService<IOptions<DataLicenceOptions>>().Value;
        var stored = ProfileJson.Write(profile, baseUrl, licence, ContactAudience.Editors);
        var etag = ApiAnswer.ETagOf(ApiAnswer.Serialize(context, stored));
        var ifMatch = context.Request.GetTypedHeaders().IfMatch;
        if (ifMatch is not { Count: > 0 })
        {
            return Problem(StatusCodes.Status428PreconditionRequired,
                $"Send If-Match with the ETag of the version you change (GET it first); the current one is {etag}. This keeps a write from undoing another made meanwhile.", header: "If-Match");
        }
        if (!ifMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: true)))
        {
            return Problem(StatusCodes.Status412PreconditionFailed,
                $"If-Match names another version of this profile: it changed since you read it. Its current ETag is {etag}; GET it again and apply your change to it.", header: "If-Match");
        }
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType) || !contentType.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType,
                $"{context.Request.Method} takes {mediaType}; the request's Content-Type is {(string.IsNullOrEmpty(context.Request.ContentType) ? "missing" : context.Request.ContentType)}.", header: "Content-Type");
        }
        JsonNode? body;
        try
        {
            // A member given twice is refused: which of the two a reader keeps differs between readers (this one threw).
            if (await ReadBodyAsync(context.Request, cancellationToken) is not { } bytes)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge,
                    $"The body is larger than the {MaxBodyBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes a profile write takes; nothing was written.", "body");
            }
            body = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            return Problem(StatusCodes.Status400BadRequest, $"The body is not JSON: {JsonText.Explain(exception)}", "body");
        }
        if (body is not JsonObject)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object: the profile, or the fields to change.", "body");
        }
        if (JsonText.UnfitStrings(body) is { Count: > 0 } unfit)
        {
            return Invalid(unfit);
        }
        if (compose((JsonObject)stored.DeepClone(), body) is not JsonObject document)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object: the profile, or the fields to change.", "body");
        }

        var storedForm = editor.FormOf(profile);
        var reader = new ProfileJsonReader();
        var wanted = reader.Read(document, stored, storedForm);
        if (!reader.IsValid)
        {
            return Invalid(reader.Errors);
        }
        var changed = (await editor.DiffAsync(cancellationToken)).Compare(storedForm.Normalised(), wanted.Normalised()).Select(c => c.Property).ToHashSet();
        var steps = ProfileFormStep.All.Where(s => s.Properties.Any(changed.Contains));
        var errors = (await editor.ValidatorAsync(cancellationToken, profile)).Validate(wanted, steps);
        if (errors.Count > 0)
        {
            return Invalid(errors.GroupBy(e => ProfileJsonReader.PathOf(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));
        }
        if (await editor.SaveAsync(profile, wanted, profile.ConcurrencyToken, user, cancellationToken) is SaveOutcome.Conflict)
        {
            return Problem(StatusCodes.Status412PreconditionFailed,
                "The profile changed while this write was being saved; nothing was written. GET it again and apply your change to it.", header: "If-Match");
        }
        var db = services.GetRequiredService<ClusterAtlasDbContext>();
        db.ChangeTracker.Clear();
        var saved = await db.ClusterOrganisations.AsNoTracking().WithContent().SingleAsync(p => p.Id == profile.Id, cancellationToken);
        var answer = ApiAnswer.Serialize(context, ProfileJson.Write(saved, baseUrl, licence, ContactAudience.Editors));
        return new WrittenAnswer(answer);
    }

    /// <summary>
    /// The most a write's body may hold: the largest profile is a few dozen kilobytes as JSON, and a body is parsed whole
    /// in memory (the server's own limit, 30 MB, would let one client hold that much per request).
    /// </summary>
    public const int MaxBodyBytes = 1_000_000;

    /// <summary>The request's body, or null when it is longer than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The profile as saved, with its new ETag (not conditional: the request's If-Match named the version it replaced).</summary>
    private sealed class WrittenAnswer(byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => ApiAnswer.WriteAsync(httpContext, body, ApiAnswer.JsonContentType, personal: true, conditional: false);
    }

    /// <summary>422 with the errors by JSON path: the document is JSON, but not a profile the form would save.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<HttpValidationProblemDetails> Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Json(new HttpValidationProblemDetails(errors)
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
            Title = "The profile was not saved",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "Some fields are not valid; each is named by its JSON path in errors. Nothing was written.",
        }, contentType: "application/problem+json", statusCode: StatusCodes.Status422UnprocessableEntity);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string detail, string? parameter = null, string? header = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, type: ApiProblems.TypeOf(status), extensions: header is not null
            ? new Dictionary<string, object?> { ["header"] = header }
            : new Dictionary<string, object?> { ["parameter"] = parameter });
}
