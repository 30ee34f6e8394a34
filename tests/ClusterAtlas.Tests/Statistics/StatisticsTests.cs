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
}
