using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.WebOfData;

/// <summary>The directory as the web of data reads it: JSON-LD, link previews, the sitemap, robots.txt and the feed.</summary>
public sealed class WebOfDataTests(ConfiguredInstallationFactory app) : IClassFixture<ConfiguredInstallationFactory>
{
    private const string Base = ConfiguredInstallationFactory.BaseUrl;
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return response;
    }

    [Fact]
    public async Task A_profile_page_carries_schema_org_organization_json_ld_with_its_fields()
    {
        // The demo page has no acronym, local name, website or staff count: give them, as its members would.
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == SeedPage.Slug);
            (profile.Acronym, profile.LocalName, profile.ManagementTeamFte) = ("VMC", "Klaster metalske industrije Vojvodine", 3.5m);
            profile.Website = "https://metal-cluster.example.org";
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<DirectoryIndex>().MarkStale();
        var page = await app.GetDocumentAsync("/cluster-organisations/" + SeedPage.Slug);
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        var organization = JsonDocument.Parse(script.TextContent).RootElement;

        Assert.Equal("https://schema.org", organization.GetProperty("@context").GetString());
        Assert.Equal("Organization", organization.GetProperty("@type").GetString());
        Assert.Equal("Vojvodina Metal Cluster", organization.GetProperty("name").GetString());
        Assert.Contains(organization.GetProperty("alternateName").EnumerateArray(), n => n.GetString() == "VMC");
        Assert.Equal("https://metal-cluster.example.org", organization.GetProperty("url").GetString());
        Assert.Equal("RS", organization.GetProperty("address").GetProperty("addressCountry").GetString());
        Assert.True(organization.TryGetProperty("areaServed", out _));
        Assert.NotEmpty(organization.GetProperty("knowsAbout").EnumerateArray());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", organization.GetProperty("foundingDate").GetString());
        Assert.Contains(organization.GetProperty("alternateName").EnumerateArray(), n => n.GetString() == "Klaster metalske industrije Vojvodine");
        Assert.Equal(3.5m, organization.GetProperty("numberOfEmployees").GetProperty("value").GetDecimal());
        Assert.Contains(organization.GetProperty("memberOf").EnumerateArray(), n => n.GetProperty("name").GetString()!.Length > 0);
        Assert.Equal($"{Base}/cluster-organisations/{SeedPage.Slug}", organization.GetProperty("mainEntityOfPage").GetString());
    }

    [Fact]
    public async Task Json_ld_cannot_be_broken_out_of_by_a_profile_value()
    {
        const string hostile = "Evil </script><script>alert(1)</script> & Co";
        var slug = await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.Include(p => p.Terms).SingleAsync(p => p.Slug == SeedPage.Slug);
            profile.NetworkMemberships = [hostile];
            await db.SaveChangesAsync();
            return profile.Slug;
        });
        app.Services.GetRequiredService<DirectoryIndex>().MarkStale();

        using var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/cluster-organisations/" + slug, UriKind.Relative));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var page = await ClusterAtlasFactory.ParseAsync(html);
        var organization = JsonDocument.Parse(Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']")).TextContent).RootElement;
        Assert.Equal(hostile, organization.GetProperty("memberOf")[0].GetProperty("name").GetString());
        Assert.DoesNotContain(page.QuerySelectorAll("script:not([type]), script[type='text/javascript']"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/cluster-organisations/" + SeedPage.Slug)]
    [InlineData("/")]
    [InlineData("/cluster-organisations")]
    [InlineData("/partner-search")]
    public async Task Pages_have_open_graph_and_twitter_card_tags_with_absolute_addresses_and_the_feed_link(string url)
    {
        var page = await app.GetDocumentAsync(url);
        string Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content") ?? throw new Xunit.Sdk.XunitException($"{url} has no {selector}");
        Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:title']")));
        Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:description']")));
        Assert.Equal("website", Meta("meta[property='og:type']"));
        Assert.Equal(Base + url.Split('?')[0], Meta("meta[property='og:url']"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.Equal(Meta("meta[property='og:title']"), Meta("meta[name='twitter:title']"));
        Assert.Equal("/cluster-organisations/feed.atom", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_profile_page_reached_with_tracking_tags_names_its_one_address_and_a_list_names_none()
    {
        var profile = await app.GetDocumentAsync($"/cluster-organisations/{SeedPage.Slug}?utm_source=newsletter&utm_medium=email");
        Assert.Equal([$"{Base}/cluster-organisations/{SeedPage.Slug}"], profile.QuerySelectorAll("link[rel=canonical]").Select(l => l.GetAttribute("href")));
        Assert.Equal($"{Base}/cluster-organisations/{SeedPage.Slug}", profile.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        // A list's query is its content (a search, a page): no one address stands for it.
        Assert.Empty((await app.GetDocumentAsync("/cluster-organisations?q=metal")).QuerySelectorAll("link[rel=canonical]"));
    }

    [Fact]
    public async Task The_sitemap_is_valid_xml_listing_the_main_pages_and_every_published_profile_with_its_last_change()
    {
        using var response = await GetAsync("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sitemaps + "urlset", sitemap.Root!.Name);
        var urls = sitemap.Root.Elements(Sitemaps + "url").ToDictionary(u => u.Element(Sitemaps + "loc")!.Value, u => u.Element(Sitemaps + "lastmod")?.Value);
        Assert.Contains(Base + "/", urls.Keys);
        Assert.Contains(Base + "/cluster-organisations", urls.Keys);
        var published = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Status == ClusterAtlas.Profiles.ProfileStatus.Published).Select(p => p.Slug).ToListAsync());
        Assert.NotEmpty(published);
        foreach (var slug in published)
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", urls[$"{Base}/cluster-organisations/{slug}"]);
        }
        Assert.All(urls.Keys, u => Assert.StartsWith(Base + "/", u, StringComparison.Ordinal));

        // The other pages anyone reads, and every item with a page of its own (the demo content has some of each).
        foreach (var page in new[] { "/news", "/events", "/calls", "/statistics", "/network", "/cluster-organisations/map" })
        {
            Assert.Contains(Base + page, urls.Keys);
        }
        var (news, events, calls, postings) = await app.WithDbAsync(async db => (
            await db.Set<ClusterAtlas.News.NewsItem>().Where(n => n.Status == ClusterAtlas.News.NewsStatus.Published).Select(n => n.Slug).ToListAsync(),
            await db.Set<ClusterAtlas.Events.ClusterEvent>().Where(e => e.Status == ClusterAtlas.Events.EventStatus.Published).Select(e => e.Slug).ToListAsync(),
            await db.Set<ClusterAtlas.Calls.FundingCall>().Select(c => c.Slug).ToListAsync(),
            await db.Set<ClusterAtlas.PartnerSearch.PartnerSearchPosting>().Where(p => p.Status == ClusterAtlas.PartnerSearch.PostingStatus.Open).Select(p => p.Id).ToListAsync()));
        Assert.NotEmpty(events);
        Assert.NotEmpty(calls);
        Assert.All(news, slug => Assert.Contains($"{Base}/news/{slug}", urls.Keys));
        Assert.All(events, slug => Assert.Contains($"{Base}/events/{slug}", urls.Keys));
        Assert.All(calls, slug => Assert.Contains($"{Base}/calls/{slug}", urls.Keys));
        Assert.All(postings, id => Assert.Contains($"{Base}/partner-search/{id}", urls.Keys));
        // Every address that is not a profile answers (a crawler does not follow redirects from a sitemap).
        foreach (var url in urls.Keys.Where(u => !u.StartsWith(Base + "/cluster-organisations/", StringComparison.Ordinal) || u.EndsWith("/map", StringComparison.Ordinal)))
        {
            using var answer = await GetAsync(url[Base.Length..]);
            Assert.True(answer.StatusCode == System.Net.HttpStatusCode.OK, $"{url} answered {(int)answer.StatusCode}");
        }
    }

    /// <summary>The documents readers poll: the feeds, the calendar and the sitemap.</summary>
    public static TheoryData<string> PolledDocuments() =>
        ["/news/feed.atom", "/cluster-organisations/feed.atom", "/partner-search/feed.atom", "/events/feed.atom", "/calls/feed.atom", "/events/calendar.ics", "/sitemap.xml"];

    [Theory]
    [MemberData(nameof(PolledDocuments))]
    public async Task A_reader_that_sends_the_etag_back_gets_304_while_nothing_changed(string path)
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak, "the same document goes out compressed and not: a weak validator");

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        other.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\"", isWeak: true));
        using var changed = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Robots_txt_names_the_sitemap_at_the_configured_address()
    {
        using var response = await GetAsync("/robots.txt");
        var robots = await response.Content.ReadAsStringAsync();
        Assert.Contains("User-agent: *", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /language", robots, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {Base}/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_lists_published_profiles_latest_change_first_and_no_drafts()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var draft = await Profiles.ProfileScenarios.RegisterProfileAsync(owner, "Unpublished Feed Cluster");

        using var response = await GetAsync("/cluster-organisations/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.Contains(entries, e => e.Element(Atom + "title")!.Value == "Vojvodina Metal Cluster"
            && e.Elements(Atom + "link").Any(l => (string?)l.Attribute("href") == $"{Base}/cluster-organisations/{SeedPage.Slug}"));
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value.Contains("Unpublished Feed Cluster", StringComparison.Ordinal));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.NotEmpty(draft);
    }
}
