using ClusterAtlas.Pages;
using ClusterAtlas.Caching;
using System.Text.Json;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Map;

/// <summary>
/// GET /api/v1/cluster-organisations.geojson: the located profiles the directory's words and filters find, as a
/// GeoJSON FeatureCollection of points (the map page draws it; anyone may reuse it). The directory's parameters;
/// sort and paging do not apply (every match is a feature).
/// </summary>
public static class MapGeoJson
{
    public const string Path = "/api/v1/cluster-organisations.geojson";

    public static void Map(WebApplication app) =>
        app.MapMethods(Path, ReadEndpoints.Methods, WriteAsync)
            .WithTags("Cluster organisations")
            .WithName("ClusterOrganisationsGeoJson")
            .WithSummary("The located published cluster organisations matching the directory's words and filters, as GeoJSON points.")
            // An API read like the others: rate-limited per client, and its answer carries an ETag (see ApiAnswer).
            .RequireRateLimiting(Api.ApiFeature.RateLimit)
            .CacheForReaders(ContentTags.Profiles)
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

    private static async Task<IResult> WriteAsync(HttpContext context, DirectorySearch search, CountryList countries,
        ClusterAtlas.Links.PublicAddress address, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(context.Request.Query, Facet.All, unpaged: true);
        if (!parsed.IsValid)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(parsed.Errors), title: "Invalid search parameters");
        }
        var (entries, _, errors) = await search.MatchingAsync(parsed.Query, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(errors), title: "Invalid search parameters");
        }
        var baseUrl = address.TrustedBaseUrl() ?? "";
        // Written to memory first: the ETag is a hash of the whole answer (about 300 bytes a point).
        using var buffer = new MemoryStream();
        await using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var e in entries)
        {
            if (e.Latitude is not { } latitude || e.Longitude is not { } longitude)
            {
                continue;
            }
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", e.Id);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(Math.Round(longitude, 5));
            json.WriteNumberValue(Math.Round(latitude, 5));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("slug", e.SlugUtf8);
            json.WriteString("name", e.NameUtf8);
            json.WriteString("acronym", e.Acronym);
            json.WriteString("country", e.CountryCode);
            json.WriteString("countryName", countries.ByCode(e.CountryCode)?.Name);
            json.WriteString("region", e.Region);
            json.WriteString("precision", e.LocationPrecision?.ToString().ToLowerInvariant());
            if (e.TotalMembers is { } members)
            {
                json.WriteNumber("members", members);
            }
            else
            {
                json.WriteNull("members");
            }
            json.WriteString("label", e.Label?.ToString().ToLowerInvariant());
            json.WriteBoolean("sampleData", e.IsSampleData);
            json.WriteString("url", $"{baseUrl}/cluster-organisations/{e.Slug}");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await Api.ApiAnswer.WriteAsync(context, buffer.ToArray(), "application/geo+json; charset=utf-8");
        return TypedResults.Empty;
    }
}
