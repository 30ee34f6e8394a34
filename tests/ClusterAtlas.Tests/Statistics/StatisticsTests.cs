using System.Net;
using System.Text;
using AngleSharp.Dom;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Map;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Statistics;

/// <summary>The statistics of the directory's results against the known small directory, and against direct counts in the database.</summary>
public sealed class StatisticsTests(MapAndStatisticsFixture fixture) : IClassFixture<MapAndStatisticsFixture>
{
    private static Dictionary<string, string> Table(IDocument page, string id) =>
        page.QuerySelectorAll($"#{id}-data tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[1].GetAttribute("data-value")!);

    [Fact]
    public async Task Each_table_counts_the_published_profiles()
    {
        var page = await fixture.App.GetDocumentAsync("/statistics");
        Assert.Equal("4 cluster organisations", page.GetElementById("statistics-total")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string> { ["Serbia"] = "2", ["Austria"] = "1", ["Croatia"] = "1" }, Table(page, "country"));
        Assert.Equal(new Dictionary<string, string> { ["Metalworking Technology"] = "2", ["Information Technology and Analytical Instruments"] = "2", ["Wood Products"] = "1" }, Table(page, "sector"));
        Assert.Equal(new Dictionary<string, string> { ["Gold Label"] = "1", ["Silver Label"] = "0", ["Bronze Label"] = "1", ["No label"] = "0" }, Table(page, "label"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["1–20 members"] = "1", ["21–50 members"] = "1", ["51–100 members"] = "0", ["101–250 members"] = "0", ["251–500 members"] = "1", ["501 or more members"] = "0",
        }, Table(page, "member-size"));
        Assert.Equal("39", Table(page, "member-types")["SMEs"]);
        Assert.Equal("5", Table(page, "member-types")["Start-ups"]);
        var share = Table(page, "sme-share");
        Assert.Equal(("39", "50", "78", "2"), (share["SME members"], share["All members"], share["SMEs in per cent of all members"], share["Cluster organisations that give both numbers"]));
        Assert.Equal(new Dictionary<string, string> { ["2024"] = "1", ["2025"] = "3" }, Table(page, "published"));
        Assert.Equal(new Dictionary<string, string> { ["2011"] = "1", ["2015"] = "1" }, Table(page, "established"));
        // Every table has a chart's place, its data table and its CSV with the same search.
        Assert.Equal("/statistics/country.csv", page.QuerySelector("#country .download a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#country .chart[data-table='country-data']"));

        // The numbers are the database's own.
        var published = await fixture.App.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published)
            .GroupBy(p => p.CountryCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(published.Single(c => c.Key == "RS").Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Table(page, "country")["Serbia"]);
    }

    [Fact]
    public async Task The_directorys_filters_apply_and_the_labels_follow_the_visitors_language()
    {
        var serbian = await fixture.App.GetDocumentAsync("/statistics?country=RS");
        Assert.Equal(new Dictionary<string, string> { ["Serbia"] = "2" }, Table(serbian, "country"));
        Assert.Equal(new Dictionary<string, string> { ["Vojvodina"] = "1", ["Central Serbia"] = "1" }, Table(serbian, "region"));
        Assert.Equal("/statistics/region.csv?country=RS", serbian.QuerySelector("#region .download a")!.GetAttribute("href"));

        using var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        using var german = await client.GetAsync(new Uri("/statistics?sector=metalworking-technology", UriKind.Relative));
        var page = await ClusterAtlasFactory.ParseAsync(await german.Content.ReadAsStringAsync());
        Assert.Equal(new Dictionary<string, string> { ["Serbien"] = "1", ["Österreich"] = "1" }, Table(page, "country"));
        Assert.Equal("Clusterorganisationen nach Land", page.GetElementById("country-title")!.TextContent);
    }

    [Fact]
    public async Task A_table_downloads_as_csv_with_the_same_filters()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(new Uri("/statistics/country.csv?sector=metalworking-technology", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("cluster-statistics-country.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["key,Country,Cluster Organisations", "AT,Austria,1", "RS,Serbia,1"], lines);

        using var share = await client.GetAsync(new Uri("/statistics/sme-share.csv", UriKind.Relative));
        Assert.Contains("sme-percent,SMEs in per cent of all members,78", await share.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await client.GetAsync(new Uri("/statistics/colours.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badFilter = await client.GetAsync(new Uri("/statistics/country.csv?label=platinum", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
    }

    [Fact]
    public async Task Collaborations_between_countries_come_from_the_network_with_the_directorys_filters_and_match_the_database()
    {
        var all = await fixture.App.GetDocumentAsync("/statistics");
        Assert.Equal(new Dictionary<string, string> { ["Austria – Serbia"] = "1", ["Austria – Croatia"] = "1", ["Croatia – Serbia"] = "1", ["Within Serbia"] = "1" }, Table(all, "collaborations"));
        var mutual = all.QuerySelectorAll("#collaborations-data tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[2].GetAttribute("data-value"));
        Assert.Equal(new Dictionary<string, string?> { ["Austria – Serbia"] = "1", ["Austria – Croatia"] = "0", ["Croatia – Serbia"] = "0", ["Within Serbia"] = "0" }, mutual);

        // "Statistics of these results": collaborations with at least one side among them.
        var serbian = await fixture.App.GetDocumentAsync("/statistics?country=RS");
        Assert.Equal(new Dictionary<string, string> { ["Austria – Serbia"] = "1", ["Croatia – Serbia"] = "1", ["Within Serbia"] = "1" }, Table(serbian, "collaborations"));

        using var client = fixture.App.CreateClient();
        var csv = (await client.GetStringAsync(new Uri("/statistics/collaborations.csv?country=RS", UriKind.Relative))).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["key,Countries,Collaborations,Stated by both sides", "AT-RS,Austria – Serbia,1,1", "HR-RS,Croatia – Serbia,1,0", "RS-RS,Within Serbia,1,0"], csv);

        // Counted directly in the database: linked statements between published profiles, each pair of profiles once.
        var statements = await fixture.App.WithDbAsync(db => db.Set<ClusterAtlas.Network.NetworkLink>()
            .Where(l => (l.State == ClusterAtlas.Network.LinkState.Sure || l.State == ClusterAtlas.Network.LinkState.Confirmed)
                && l.Profile.Status == ProfileStatus.Published && l.PartnerProfile.Status == ProfileStatus.Published && l.ProfileId != l.PartnerProfileId)
            .Select(l => new { From = l.ProfileId, To = l.PartnerProfileId, A = l.Profile.CountryCode, B = l.PartnerProfile.CountryCode })
            .ToListAsync());
        var byPair = statements.GroupBy(s => (Math.Min(s.From, s.To), Math.Max(s.From, s.To)))
            .Select(g => (Countries: string.Join("-", new[] { g.First().A, g.First().B }.Order(StringComparer.Ordinal)), Mutual: g.Count() == 2))
            .GroupBy(p => p.Countries).ToDictionary(g => g.Key, g => $"{g.Count()},{g.Count(p => p.Mutual)}");
        var fromCsv = (await client.GetStringAsync(new Uri("/statistics/collaborations.csv", UriKind.Relative))).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => $"{f[2]},{f[3]}");
        Assert.Equal(byPair.OrderBy(p => p.Key, StringComparer.Ordinal), fromCsv.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(4, byPair.Count);
    }

    [Fact]
    public async Task Country_pairs_are_named_and_ordered_in_the_readers_alphabet_the_most_collaborations_first()
    {
        using var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var page = await ClusterAtlasFactory.ParseAsync(await client.GetStringAsync(new Uri("/statistics", UriKind.Relative)));
        // Each pair once (Austria–Croatia is "AT-HR", read "Österreich – Kroatien" before), all with one collaboration: by name.
        Assert.Equal(["Im selben Land: Serbien", "Kroatien – Österreich", "Kroatien – Serbien", "Österreich – Serbien"],
            page.QuerySelectorAll("#collaborations-data tbody tr").Select(r => r.Children[0].TextContent.Trim()));
        var csv = (await client.GetStringAsync(new Uri("/statistics/collaborations.csv", UriKind.Relative))).TrimStart('\uFEFF');
        Assert.Contains("AT-HR,Kroatien – Österreich,1,0", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_directorys_tables_kept_for_a_snapshot_follow_a_change_of_the_profiles()
    {
        await using var app = new EmptyDatabaseFactory();
        // With an account cookie that signs nobody in: past the output cache, so the tables kept beside the snapshot answer.
        async Task<IDocument> StatisticsAsync(string language)
        {
            using var client = app.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/statistics", UriKind.Relative));
            request.Headers.Add("Cookie", "ClusterAtlas.Account=nobody");
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await client.SendAsync(request);
            return await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        }
        await app.AddAsync((MapScenarios.Published("Graz Wood Cluster", "AT", "Graz"), ["Wood Products"]));
        Assert.Equal(new Dictionary<string, string> { ["Austria"] = "1" }, Table(await StatisticsAsync("en"), "country"));
        Assert.Equal(new Dictionary<string, string> { ["Österreich"] = "1" }, Table(await StatisticsAsync("de"), "country"));
        Assert.Equal(new Dictionary<string, string> { ["Austria"] = "1" }, Table(await StatisticsAsync("en"), "country"));

        await app.AddAsync((MapScenarios.Published("Zagreb Wood Cluster", "HR", "Zagreb"), ["Wood Products"]));
        Assert.Equal(new Dictionary<string, string> { ["Austria"] = "1", ["Croatia"] = "1" }, Table(await StatisticsAsync("en"), "country"));
        Assert.Equal(new Dictionary<string, string> { ["Wood Products"] = "2" }, Table(await StatisticsAsync("en"), "sector"));
    }

    [Fact]
    public async Task A_table_longer_than_the_page_shows_its_largest_rows_and_its_csv_has_them_all()
    {
        await using var app = new EmptyDatabaseFactory();
        // 52 regions, the first of them with two profiles: it leads the table.
        string[] wood = ["Wood Products"];
        await app.AddAsync([.. Enumerable.Range(1, 52).Select(i => (MapScenarios.Published($"Region {i:00} Cluster", "DE", null, $"Region {i:00}"), wood)),
            (MapScenarios.Published("Region 01 Second Cluster", "DE", null, "Region 01"), wood)]);

        var page = await app.GetDocumentAsync("/statistics");
        var rows = page.QuerySelectorAll("#region-data tbody tr").ToList();
        Assert.Equal(ClusterAtlas.Statistics.StatisticsPageModel.RowsShown, rows.Count);
        Assert.Equal("Region 01", rows[0].QuerySelector("th")!.TextContent);
        Assert.Equal("The 50 largest of 52; the CSV file has all of them.", page.QuerySelector("#region .rows-shown")!.TextContent);
        Assert.Null(page.QuerySelector("#country .rows-shown")); // one country: shown whole
        using var client = app.CreateClient();
        var csv = await client.GetStringAsync(new Uri("/statistics/region.csv", UriKind.Relative));
        Assert.Equal(53, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // a heading and 52 regions
    }

    [Fact]
    public async Task Every_count_table_matches_a_direct_count_in_the_database()
    {
        var page = await fixture.App.GetDocumentAsync("/statistics");
        var published = await fixture.App.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published)
            .Select(p => new
            {
                p.CountryCode, p.RegionName, p.ExcellenceLabel, p.TotalMembers, p.SmeMembers, p.StartupMembers, p.PublishedAt, p.EstablishedOn,
                Sectors = p.Terms.Where(t => t.Field == ProfileField.SectoralIndustry).Select(t => t.Term.Label).ToList(),
            })
            .ToListAsync());
        static Dictionary<string, string> Counts(IEnumerable<string> keys) =>
            keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var countryNames = new Dictionary<string, string> { ["RS"] = "Serbia", ["AT"] = "Austria", ["HR"] = "Croatia" };
        Assert.Equal(Counts(published.Select(p => countryNames[p.CountryCode!])), Table(page, "country"));
        Assert.Equal(Counts(published.Where(p => p.RegionName is not null).Select(p => p.RegionName!)), Table(page, "region"));
        Assert.Equal(Counts(published.SelectMany(p => p.Sectors.Distinct())), Table(page, "sector"));
        Assert.Equal(Counts(published.Select(p => p.PublishedAt!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))), Table(page, "published"));
        Assert.Equal(Counts(published.Where(p => p.EstablishedOn is not null).Select(p => p.EstablishedOn!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))), Table(page, "established"));
        Assert.Equal(published.Sum(p => p.SmeMembers ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), Table(page, "member-types")["SMEs"]);
        Assert.Equal(published.Sum(p => p.StartupMembers ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), Table(page, "member-types")["Start-ups"]);
        Assert.Equal(published.Count(p => p.ExcellenceLabel == ExcellenceLabel.Gold).ToString(System.Globalization.CultureInfo.InvariantCulture), Table(page, "label")["Gold Label"]);
        Assert.Equal(published.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " cluster organisations", page.GetElementById("statistics-total")!.TextContent.Trim());
    }
}
