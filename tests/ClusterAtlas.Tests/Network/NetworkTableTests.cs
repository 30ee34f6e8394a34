using System.Net;
using AngleSharp.Dom;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Map;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// The network's table against the known small directory: Novi Sad and Vienna both state theirs, Vienna, Pozega and
/// Belgrade each state one the other side does not. A row says who states a one-sided collaboration, names one country
/// once, and a filter value that is no country, sector or label is reported, as the directory reports it.
/// </summary>
public sealed class NetworkTableTests(MapAndStatisticsFixture fixture) : IClassFixture<MapAndStatisticsFixture>
{
    [Fact]
    public async Task A_one_sided_collaboration_says_which_cluster_states_it_and_a_pair_in_one_country_names_it_once()
    {
        var page = await fixture.App.GetDocumentAsync("/network");
        Assert.Equal(
        [
            ("Belgrade ICT Network", "Novi Sad Metal Works", "Belgrade ICT Network", "Within Serbia"),
            ("Belgrade ICT Network", "Pozega Wood Cluster", "Pozega Wood Cluster", "Croatia – Serbia"),
            ("Novi Sad Metal Works", "Vienna Metal Alliance", "both", "Austria – Serbia"),
            ("Pozega Wood Cluster", "Vienna Metal Alliance", "Vienna Metal Alliance", "Austria – Croatia"),
        ], Rows(page));

        // In German the pair is named in the German alphabet (Kroatien before Österreich), not in the codes' order (AT, HR).
        using var german = fixture.App.CreateClient();
        german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var inGerman = Rows(await ClusterAtlasFactory.ParseAsync(await german.GetStringAsync(new Uri("/network", UriKind.Relative)))).ToList();
        Assert.Contains(("Belgrade ICT Network", "Novi Sad Metal Works", "Belgrade ICT Network", "Im selben Land: Serbien"), inGerman);
        Assert.Contains(inGerman, r => r.Stated == "Vienna Metal Alliance" && r.Countries == "Kroatien – Österreich");
    }

    [Fact]
    public async Task An_unknown_country_sector_or_label_is_reported_by_parameter_and_value_and_a_known_one_without_collaborations_is_not()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(new Uri("/network?country=XX&sector=wood&label=platinum", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        await HtmlValidator.AssertValidAsync(html, "/network with unknown values");
        var page = await ClusterAtlasFactory.ParseAsync(html);
        var reported = page.QuerySelectorAll(".alert-error li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "country: 'XX' is not an ISO 3166-1 alpha-2 country code (such as RS or DE).",
            "sector: 'wood' is not a known sector value.",
            "label: 'platinum' is not a known label value.",
        ], reported);
        Assert.Empty(page.QuerySelectorAll("tbody tr"));
        Assert.Null(page.QuerySelector("#collaborations-title"));

        // France is a country, only no cluster there collaborates: an empty network, said as such.
        var france = await fixture.App.GetDocumentAsync("/network?country=FR&label=gold");
        Assert.Null(france.QuerySelector(".alert-error"));
        Assert.Equal("0 collaborations", france.QuerySelector("#collaborations-title")!.TextContent.Trim());
    }

    [Fact]
    public void A_side_without_a_country_names_the_other_sides_country_or_none()
    {
        var labels = fixture.App.Services.GetRequiredService<ClusterAtlas.Localisation.DataLabels>();
        Assert.Equal("Austria", labels.CountryPair(null, "AT"));
        Assert.Equal("Austria", labels.CountryPair("AT", ""));
        Assert.Equal("", labels.CountryPair(null, null));
        Assert.Equal("", labels.CountryPair("", null));
        Assert.Equal("Within Austria", labels.CountryPair("AT", "at"));
        Assert.Equal("Austria – Serbia", labels.CountryPair("RS", "AT"));
    }

    private static IEnumerable<(string A, string B, string Stated, string Countries)> Rows(IDocument page) =>
        page.QuerySelectorAll("tbody tr").Select(r => (
            r.Children[0].QuerySelector("a")!.TextContent.Trim(), r.Children[1].QuerySelector("a")!.TextContent.Trim(),
            r.Children[2].TextContent.Trim(), r.Children[3].TextContent.Trim()));
}
