using System.Net;
using System.Text.Json;
using ClusterAtlas.Map;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Map;

/// <summary>The GeoJSON of the directory's results and the map page, with the directory's words and filters.</summary>
public sealed class MapTests(MapAndStatisticsFixture fixture) : IClassFixture<MapAndStatisticsFixture>
{
    private async Task<JsonElement> GeoJsonAsync(string query)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/cluster-organisations.geojson" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Names(JsonElement collection) =>
        [.. collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_geojson_has_a_point_for_each_published_profile_with_its_precision()
    {
        var all = await GeoJsonAsync("");
        Assert.Equal("FeatureCollection", all.GetProperty("type").GetString());
        Assert.Equal(["Belgrade ICT Network", "Novi Sad Metal Works", "Pozega Wood Cluster", "Vienna Metal Alliance"], Names(all));
        var novi = all.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("slug").GetString() == "novi-sad-metal-works");
        var coordinates = novi.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(19.84, coordinates[0].GetDouble(), 0.05);
        Assert.Equal(45.25, coordinates[1].GetDouble(), 0.05);
        Assert.Equal("city", novi.GetProperty("properties").GetProperty("precision").GetString());
        Assert.EndsWith("/cluster-organisations/novi-sad-metal-works", novi.GetProperty("properties").GetProperty("url").GetString(), StringComparison.Ordinal);
        var belgrade = all.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("slug").GetString() == "belgrade-ict-network");
        Assert.Equal("region", belgrade.GetProperty("properties").GetProperty("precision").GetString());
    }

    [Fact]
    public async Task The_geojson_is_an_api_read_with_an_etag_a_304_and_the_licence()
    {
        using var client = fixture.App.CreateClient();
        using var first = await client.GetAsync(new Uri("/api/v1/cluster-organisations.geojson?country=RS", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("rel=\"license\"", first.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/cluster-organisations.geojson?country=RS", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var other = await client.GetAsync(new Uri("/api/v1/cluster-organisations.geojson?country=AT", UriKind.Relative));
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task The_geojson_takes_the_directorys_filters_and_words_and_refuses_what_it_does_not_know()
    {
        Assert.Equal(["Belgrade ICT Network", "Novi Sad Metal Works"], Names(await GeoJsonAsync("?country=RS")));
        Assert.Equal(["Novi Sad Metal Works", "Vienna Metal Alliance"], Names(await GeoJsonAsync("?sector=metalworking-technology")));
        Assert.Equal(["Novi Sad Metal Works"], Names(await GeoJsonAsync("?sector=metalworking-technology&country=RS")));
        Assert.Equal(["Vienna Metal Alliance"], Names(await GeoJsonAsync("?q=vienna")));

        using var client = fixture.App.CreateClient();
        using var unknown = await client.GetAsync(new Uri("/api/v1/cluster-organisations.geojson?country=Serbia&colour=red", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("colour", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_page_keeps_the_search_and_lists_the_results_by_country_and_region_for_those_without_the_map()
    {
        var page = await fixture.App.GetDocumentAsync("/cluster-organisations/map?country=RS&sort=name");
        var map = page.GetElementById("cluster-map")!;
        Assert.Equal("/cluster-organisations/map/points.json?country=RS", map.GetAttribute("data-points"));
        Assert.StartsWith("/lib/world-atlas/countries-50m", map.GetAttribute("data-boundaries"), StringComparison.Ordinal);
        Assert.Equal("""{"688":2}""", map.GetAttribute("data-counts")); // Serbia in the Natural Earth boundaries
        Assert.Contains("2 of 2 matching cluster organisations are on the map: 1 by their city, 1 by their region", page.GetElementById("map-summary")!.TextContent, StringComparison.Ordinal);
        var list = page.QuerySelectorAll(".map-list > li").Select(li => li.TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        Assert.Single(list);
        Assert.Equal("/cluster-organisations?country=RS&region=Vojvodina", page.QuerySelectorAll(".map-list li li a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal).Last());
        var links = page.QuerySelectorAll(".view-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/cluster-organisations?country=RS", "/statistics?country=RS"], links);
        Assert.Equal("Show these results on a map", page.QuerySelector(".view-links [aria-current=page]")?.TextContent); // named, not a link to itself
        Assert.NotNull(page.QuerySelector("figure.map-legend"));

        // The directory links to the map and the statistics of the same search.
        var directory = await fixture.App.GetDocumentAsync("/cluster-organisations?country=RS&q=metal");
        Assert.Contains("/cluster-organisations/map?q=metal&country=RS", directory.QuerySelectorAll(".view-links a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/statistics?q=metal&country=RS", directory.QuerySelectorAll(".view-links a").Select(a => a.GetAttribute("href")));
        using var client = fixture.App.CreateClient();
        foreach (var path in new[] { "/cluster-organisations/map?country=RS", "/statistics?country=RS" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), path);
        }
    }

    [Fact]
    public async Task A_configured_tile_server_is_the_only_other_host_the_map_page_may_load_images_from()
    {
        using var client = fixture.App.CreateClient();
        using var plain = await client.GetAsync(new Uri("/cluster-organisations/map", UriKind.Relative));
        Assert.Contains("img-src 'self' data:;", plain.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        await using var withTiles = fixture.App.WithWebHostBuilder(b => b.UseSetting("ClusterAtlas:Map:TileUrl", "https://tiles.example.org/{z}/{x}/{y}.png"));
        using var tiled = await withTiles.CreateClient().GetAsync(new Uri("/cluster-organisations/map", UriKind.Relative));
        Assert.Contains("img-src 'self' data: https://tiles.example.org;", tiled.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await ClusterAtlasFactory.ParseAsync(await tiled.Content.ReadAsStringAsync());
        Assert.Equal("https://tiles.example.org/{z}/{x}/{y}.png", page.GetElementById("cluster-map")!.GetAttribute("data-tile-url"));
    }

    [Fact]
    public async Task The_filter_chips_name_the_chosen_terms_in_the_visitors_language_not_by_their_slugs()
    {
        foreach (var path in new[] { "/cluster-organisations/map", "/statistics" })
        {
            var english = await fixture.App.GetDocumentAsync(path + "?sector=metalworking-technology&country=AT&label=bronze");
            Assert.Equal(["Metalworking Technology", "Austria", "Bronze Label"], english.QuerySelectorAll(".filter-chip").Select(c => c.TextContent.Trim()));

            using var client = fixture.App.CreateClient();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
            using var response = await client.GetAsync(new Uri(path + "?sector=metalworking-technology&country=AT", UriKind.Relative));
            var german = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Equal(["Metallbearbeitungstechnik", "Österreich"], german.QuerySelectorAll(".filter-chip").Select(c => c.TextContent.Trim()));
        }
    }

    [Fact]
    public async Task The_map_counts_clusters_per_nuts_2_region_where_their_points_are_that_precise_with_a_legend_and_a_table()
    {
        var page = await fixture.App.GetDocumentAsync("/cluster-organisations/map");
        // Požega by its city (Continental Croatia), Vienna by its local name "Wien" (its city, so its NUTS 2 region);
        // Serbia has no NUTS 2 regions.
        var regions = System.Text.Json.JsonDocument.Parse(page.GetElementById("cluster-map")!.GetAttribute("data-nuts")!).RootElement
            .EnumerateArray().Select(r => (r[0].GetString(), r[4].GetInt32())).ToList();
        Assert.Equal([("AT13", 1), ("HR04", 1)], regions);
        Assert.Equal(["AT13 Wien 1", "HR04 Kontinentalna Hrvatska 1"], page.QuerySelectorAll(".nuts-table tbody tr")
            .Select(r => string.Join(" ", r.Children.Select(c => c.TextContent.Trim()))));
        Assert.Equal(["1"], page.QuerySelectorAll(".nuts-legend li").Select(li => li.TextContent.Trim()));

        var serbian = await fixture.App.GetDocumentAsync("/cluster-organisations/map?country=RS");
        Assert.Equal("[]", serbian.GetElementById("cluster-map")!.GetAttribute("data-nuts"));
        Assert.Null(serbian.QuerySelector(".nuts-legend"));
    }

    [Fact]
    public void A_point_is_counted_in_the_nuts_2_region_it_names_or_else_the_nearest_of_its_country()
    {
        var locator = new ProfileLocator(Gazetteer.Shipped);
        Assert.Equal("AT13", locator.NutsRegionOf("AT", null, 48.21, 16.37, ClusterAtlas.Profiles.LocationPrecision.City)!.Code);
        Assert.Equal("DE21", locator.NutsRegionOf("DE", "Oberbayern", 48.5, 11.0, ClusterAtlas.Profiles.LocationPrecision.Exact)!.Code);
        Assert.Null(locator.NutsRegionOf("AT", null, 47.6, 14.1, ClusterAtlas.Profiles.LocationPrecision.Country));
        Assert.Null(locator.NutsRegionOf("RS", "Vojvodina", 45.3, 19.8, ClusterAtlas.Profiles.LocationPrecision.Region));
    }
}
