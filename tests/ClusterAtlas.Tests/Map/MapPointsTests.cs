using System.Net;
using System.Text.Json;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Map;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Map;

/// <summary>
/// The map page's compact points (<c>[longitude, latitude, id, name]</c>, with the directory's words and filters) and
/// the popups fetched per point: the same located profiles as the directory's snapshot and the open-data GeoJSON.
/// </summary>
public sealed class MapPointsTests(MapAndStatisticsFixture fixture) : IClassFixture<MapAndStatisticsFixture>
{
    private sealed record Point(int Id, string Name, double Longitude, double Latitude);

    /// <summary>The points as the map page gets them; <paramref name="pastTheOutputCache"/>: with an account cookie that signs nobody in, so they are made again.</summary>
    private static async Task<List<Point>> PointsAsync(EmptyDatabaseFactory app, string query, bool pastTheOutputCache = false)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(MapPoints.Path + query, UriKind.Relative));
        if (pastTheOutputCache)
        {
            request.Headers.Add("Cookie", "ClusterAtlas.Account=nobody");
        }
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("points").EnumerateArray()
            .Select(p => new Point(p[2].GetInt32(), p[3].GetString()!, p[0].GetDouble(), p[1].GetDouble())).OrderBy(p => p.Id)];
    }

    /// <summary>The located entries of the app's current directory snapshot that <paramref name="matches"/> keeps, as points.</summary>
    private static async Task<List<Point>> SnapshotPointsAsync(EmptyDatabaseFactory app, Func<DirectoryEntry, bool> matches)
    {
        var snapshot = await app.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None);
        return [.. snapshot.Entries.Where(e => e.Latitude is not null && matches(e))
            .Select(e => new Point(e.Id, e.Name, Math.Round(e.Longitude!.Value, 5), Math.Round(e.Latitude!.Value, 5))).OrderBy(p => p.Id)];
    }

    private async Task<List<int>> GeoJsonIdsAsync(string query)
    {
        using var client = fixture.App.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(MapGeoJson.Path + query, UriKind.Relative)));
        return [.. json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()).Order()];
    }

    [Fact]
    public async Task The_whole_directorys_points_are_the_snapshots_located_profiles_and_the_geojsons_features()
    {
        var points = await PointsAsync(fixture.App, "");
        Assert.Equal(await SnapshotPointsAsync(fixture.App, _ => true), points);
        Assert.Equal(["Belgrade ICT Network", "Novi Sad Metal Works", "Pozega Wood Cluster", "Vienna Metal Alliance"], points.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(await GeoJsonIdsAsync(""), points.Select(p => p.Id));
        var novi = points.Single(p => p.Name == "Novi Sad Metal Works");
        Assert.Equal(19.84, novi.Longitude, 0.05);
        Assert.Equal(45.25, novi.Latitude, 0.05);
    }

    [Theory]
    [InlineData("?country=RS")]
    [InlineData("?sector=metalworking-technology")]
    [InlineData("?q=metal&country=AT")]
    public async Task A_filtered_searchs_points_are_the_snapshots_located_profiles_it_finds(string query)
    {
        var expected = query switch
        {
            "?country=RS" => await SnapshotPointsAsync(fixture.App, e => e.CountryCode == "RS"),
            "?sector=metalworking-technology" => await SnapshotPointsAsync(fixture.App, e => e.Name is "Novi Sad Metal Works" or "Vienna Metal Alliance"),
            _ => await SnapshotPointsAsync(fixture.App, e => e.Name == "Vienna Metal Alliance"),
        };
        var points = await PointsAsync(fixture.App, query);
        Assert.NotEmpty(points);
        Assert.Equal(expected, points);
        Assert.Equal(await GeoJsonIdsAsync(query), points.Select(p => p.Id));
    }

    [Fact]
    public async Task An_unknown_filter_value_is_refused_as_by_the_directory()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(new Uri(MapPoints.Path + "?label=platinum", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("platinum", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_points_popup_has_its_summary_in_the_visitors_language_and_an_unpublished_profile_has_none()
    {
        var novi = await fixture.App.ProfileAsync("novi-sad-metal-works");
        using var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        using var response = await client.GetAsync(new Uri($"/cluster-organisations/map/points/{novi.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var popup = json.RootElement;
        Assert.Equal("Novi Sad Metal Works", popup.GetProperty("name").GetString());
        Assert.Equal("Serbien", popup.GetProperty("countryName").GetString());
        Assert.Equal("Vojvodina", popup.GetProperty("region").GetString());
        Assert.Equal(40, popup.GetProperty("members").GetInt32());
        Assert.Equal("city", popup.GetProperty("precision").GetString());
        Assert.Equal("/cluster-organisations/novi-sad-metal-works", popup.GetProperty("url").GetString());

        var draft = await fixture.App.ProfileAsync("draft-metal-cluster");
        using var unpublished = await client.GetAsync(new Uri($"/cluster-organisations/map/points/{draft.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
    }

    [Fact]
    public async Task The_map_page_loads_the_points_of_its_search_not_the_geojson()
    {
        var page = await fixture.App.GetDocumentAsync("/cluster-organisations/map?country=RS&sort=name");
        var map = page.GetElementById("cluster-map")!;
        Assert.Equal(MapPoints.Path + "?country=RS", map.GetAttribute("data-points"));
        Assert.Equal("/cluster-organisations/map/points/", map.GetAttribute("data-popup"));
        Assert.Null(map.GetAttribute("data-geojson"));
    }

    [Fact]
    public async Task The_whole_directorys_points_kept_for_a_snapshot_follow_a_change_of_the_profiles()
    {
        await using var app = new EmptyDatabaseFactory();
        await app.AddAsync((MapScenarios.Published("Graz Wood Cluster", "AT", "Graz"), ["Wood Products"]));
        var before = await PointsAsync(app, "", pastTheOutputCache: true);
        Assert.Equal(["Graz Wood Cluster"], before.Select(p => p.Name));
        Assert.Equal(before, await PointsAsync(app, "", pastTheOutputCache: true));

        await app.AddAsync((MapScenarios.Published("Zagreb Wood Cluster", "HR", "Zagreb"), ["Wood Products"]));
        var after = await PointsAsync(app, "", pastTheOutputCache: true);
        Assert.Equal(["Graz Wood Cluster", "Zagreb Wood Cluster"], after.Select(p => p.Name));
        Assert.Equal(await SnapshotPointsAsync(app, _ => true), after);
    }
}
