using System.Net;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>The public pages of a new installation, which shows its demo profile.</summary>
public sealed class ProfilePageTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string ProfileUrl = "/cluster-organisations/" + SeedPage.Slug;

    [Theory]
    [InlineData(ProfileUrl)]
    [InlineData(ProfileUrl + "/print")]
    public async Task Shows_every_fact_of_the_seed_page(string url)
    {
        var page = await app.GetDocumentAsync(url);
        var text = page.Body!.TextContent.Replace('\u00A0', ' '); // phone numbers keep together with non-breaking spaces

        Assert.Equal("Vojvodina Metal Cluster", page.QuerySelector("h1")!.TextContent.Trim());
        string[] facts =
        [
            "2011", "October", "Region of Vojvodina", "Bronze Label", "Serbian Cluster Association", "Enterprise Europe Network",
            "Cluster Manager", "ECCP Responsible Person", "Internationalisation Responsible", "+381 21 844 923",
            "Metalworking Technology", "Machining (turning, drilling, moulding, planing, cutting)", "Machining, fine (grinding, lapping)",
            "New or improved service processes", "Resource efficiency", "United Arab Emirates",
            "Participation at missions/events/study visits/fairs", "Support to collaborative activities/etc.",
        ];
        Assert.All([.. facts, .. SeedPage.StrategyStatements, .. SeedPage.Services, .. SeedPage.ServiceDetails, .. SeedPage.Programmes, .. SeedPage.Stories],
            fact => Assert.Contains(fact, text, StringComparison.Ordinal));

        var partners = page.QuerySelectorAll(".partners li").Select(li => li.TextContent.Trim().ReplaceLineEndings(" ")).ToList();
        Assert.Equal(16, partners.Count);
        foreach (var (partner, i) in SeedPage.CollaboratingClusters.Select((p, i) => (p.Split('|'), i)))
        {
            Assert.StartsWith(partner[0], partners[i], StringComparison.Ordinal);
            Assert.EndsWith(partner[1], partners[i], StringComparison.Ordinal);
        }
        Assert.Equal(3, page.QuerySelectorAll(".team-member").Length); // six members in three roles (ManagementTeamTests)
        Assert.Equal(4, page.QuerySelectorAll("#programmes .card").Length);
        Assert.Equal(3, page.QuerySelectorAll("#stories .card").Length);
    }

    [Fact]
    public async Task A_collaborating_cluster_with_a_profile_here_is_linked()
    {
        await app.WithServiceAsync<ClusterAtlas.ImportExport.EccpProfileImporter, ClusterAtlas.ImportExport.ImportReport>(importer => importer.ImportAsync(
            "Home > Cluster Organisations > Vojvodina ICT Cluster\nSectoral Industries:\nInformation Technology and Analytical Instruments\n",
            "voict.txt", ClusterAtlas.Profiles.ProfileStatus.Published, CancellationToken.None));
        var page = await app.GetDocumentAsync(ProfileUrl);
        var partnerLinks = page.QuerySelectorAll(".partners a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Vojvodina ICT Cluster", "/cluster-organisations/vojvodina-ict-cluster")], partnerLinks);
    }

    [Fact]
    public async Task Strategy_lists_render_as_lists()
    {
        var page = await app.GetDocumentAsync(ProfileUrl);
        Assert.Equal(4, page.QuerySelectorAll("#strategy ol > li").Length);
        Assert.Equal(3, page.QuerySelectorAll("#strategy ul > li").Length);
        Assert.Equal(5, page.QuerySelectorAll("#services ol > li").Length);
    }

    [Fact]
    public async Task Has_breadcrumb_and_section_navigation_and_leaves_empty_sections_out()
    {
        var page = await app.GetDocumentAsync(ProfileUrl);
        var crumbs = page.QuerySelectorAll(".breadcrumb li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Home", "Cluster Organisations", "Vojvodina Metal Cluster"], crumbs);

        // The sections, then the blocks below them that a visitor sees: the demo profile's coming events and its network.
        var sectionLinks = page.QuerySelectorAll(".section-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#general", "#focus", "#strategy", "#services", "#cooperation", "#programmes", "#stories", "#events", "#network"], sectionLinks);
        Assert.All(sectionLinks, href => Assert.NotNull(page.GetElementById(href![1..])));
        Assert.Equal(["Coming events", "Network"], page.QuerySelectorAll(".section-nav a").TakeLast(2).Select(a => a.TextContent.Trim()));
        // The seed has no composition figures: no section with bare labels.
        Assert.Null(page.QuerySelector("#composition"));
        Assert.DoesNotContain("Languages spoken", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Formalised strategy", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_view_has_no_site_navigation()
    {
        var page = await app.GetDocumentAsync(ProfileUrl + "/print");
        Assert.Null(page.QuerySelector(".site-header"));
        Assert.Null(page.QuerySelector(".section-nav"));
        Assert.Contains("print-view", page.Body!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_slug_gets_a_helpful_404()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/cluster-organisations/no-such-cluster", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("no such cluster", page.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("a[href='/cluster-organisations']"));
    }

    [Fact]
    public async Task Home_shows_search_and_latest_profiles()
    {
        var page = await app.GetDocumentAsync("/");
        Assert.NotNull(page.QuerySelector("form[action='/cluster-organisations'] input[name=q]"));
        Assert.NotNull(page.QuerySelector($"a[href='{ProfileUrl}']"));
    }

    [Fact]
    public async Task Directory_lists_the_profile()
    {
        var page = await app.GetDocumentAsync("/cluster-organisations");
        var link = page.QuerySelector($".result-title a[href='{ProfileUrl}']");
        Assert.NotNull(link);
        Assert.Contains("Serbia", link!.Closest(".result")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(ProfileUrl, UriKind.Relative));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
