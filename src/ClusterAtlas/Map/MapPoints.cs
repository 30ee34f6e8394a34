using ClusterAtlas.Pages;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ClusterAtlas.Caching;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Localisation;
using Microsoft.Net.Http.Headers;

namespace ClusterAtlas.Map;

/// <summary>
/// The map page's data: the located profiles the directory's words and filters find as a compact list, each point
/// <c>[longitude, latitude, id, name]</c> (the name is the marker's accessible name), and a point's popup fetched
/// when it is opened. At 100,000 profiles the GeoJSON of every profile is 45 MB, this list about a seventh of that;
/// for the whole directory its bytes are made once per directory snapshot. The open-data GeoJSON stays as it was
/// (<see cref="MapGeoJson"/>).
/// </summary>
public static class MapPoints
{
    public const string Path = "/cluster-organisations/map/points.json";
    public const string PopupPath = "/cluster-organisations/map/points/{id:int}";

    private static readonly ConditionalWeakTable<DirectorySnapshot, Answer> WholeDirectory = new();

    private sealed record Answer(byte[] Body, EntityTagHeaderValue ETag);

    /// <summary>A point's popup: what the marker shows besides its name, in the visitor's language.</summary>
    public sealed record Popup(string Name, string? Acronym, string? Region, string? CountryName, int? Members, string? Precision, string Url);

    public static void Map(WebApplication app)
    {
        app.MapMethods(Path, ReadEndpoints.Methods, WriteAsync).ExcludeFromDescription().CacheForReaders(ContentTags.Profiles);
        app.MapMethods(PopupPath, ReadEndpoints.Methods, PopupAsync).ExcludeFromDescription().WithMetadata(VariesByLanguage.Marker).CacheForReaders(ContentTags.Profiles);
    }

    private static async Task<IResult> WriteAsync(HttpContext context, DirectorySearch search, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(context.Request.Query, Facet.All, ignoreUnknown: true);
        if (!parsed.IsValid)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(parsed.Errors), title: "Invalid search parameters");
        }
        var matches = await search.MatchingAsync(parsed.Query, cancellationToken);
        if (matches.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(matches.Errors), title: "Invalid search parameters");
        }
        var answer = matches.IsWholeDirectory
            ? WholeDirectory.GetValue(matches.Snapshot, snapshot => AnswerOf(snapshot.Entries))
            : AnswerOf(matches.Entries);
        await Api.ApiAnswer.WriteAsync(context, answer.Body, Api.ApiAnswer.JsonContentType, etag: answer.ETag);
        return TypedResults.Empty;
    }

    private static Answer AnswerOf(IReadOnlyList<DirectoryEntry> entries)
    {
        var body = Write(entries);
        return new Answer(body, Api.ApiAnswer.ETagOf(body));
    }

    /// <summary>The list's bytes: <c>{"points":[[longitude, latitude, id, name], ...]}</c>, coordinates to five decimals (about a metre) as in the GeoJSON.</summary>
    public static byte[] Write(IReadOnlyList<DirectoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream(entries.Count * 48);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("points");
            foreach (var e in entries)
            {
                if (e.Latitude is not { } latitude || e.Longitude is not { } longitude)
                {
                    continue;
                }
                json.WriteStartArray();
                json.WriteNumberValue(Math.Round(longitude, 5));
                json.WriteNumberValue(Math.Round(latitude, 5));
                json.WriteNumberValue(e.Id);
                json.WriteStringValue(e.NameUtf8);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static async Task<IResult> PopupAsync(int id, HttpContext http, DirectoryIndex index, DataLabels labels, CancellationToken cancellationToken)
    {
        var snapshot = await index.ForReaderAsync(http, cancellationToken);
        if (snapshot.Find(id) is not { } e || e.Latitude is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Json(new Popup(e.Name, e.Acronym, e.Region, e.CountryCode is null ? null : labels.Country(e.CountryCode),
            e.TotalMembers, e.LocationPrecision?.ToString().ToLowerInvariant(), $"/cluster-organisations/{e.Slug}"));
    }
}
