using System.Net;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClusterAtlas.Tests.Profiles.ProfileScenarios;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>The public profile page as those who may edit the profile see it: the editing tabs, and the profile before it is published.</summary>
public sealed class ProfilePageForEditorsTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private static readonly string[] EditingTabs = ["Edit", "Revisions", "Colleagues", "Contact settings"];

    [Fact]
    public async Task The_editing_tabs_are_shown_to_the_administrator_only()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(owner, "Tabbed Cluster");
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == slug);
            profile.Status = ProfileStatus.Published;
            profile.PublishedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<DirectoryIndex>().MarkStale();
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var anonymous = app.CreateBrowser();
        var url = $"/cluster-organisations/{slug}";

        var tabs = await TabsAsync(owner, url);
        Assert.Equal(["View", .. EditingTabs, "Printer-friendly version"], tabs.Select(t => t.Text));
        Assert.Equal([url, url + "/edit", url + "/revisions", url + "/colleagues", url + "/contact-settings", url + "/print"], tabs.Select(t => t.Href));
        Assert.Equal(["View", "Printer-friendly version"], (await TabsAsync(stranger, url)).Select(t => t.Text));
        Assert.Equal(["View", "Printer-friendly version"], (await TabsAsync(anonymous, url)).Select(t => t.Text));
        var page = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Null(page.QuerySelector(".not-public"));
        Assert.Null(page.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task A_draft_is_shown_to_its_administrator_and_to_nobody_else()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(owner, "Hidden Draft Cluster");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var anonymous = app.CreateBrowser();
        var url = $"/cluster-organisations/{slug}";

        foreach (var path in new[] { url, url + "/print" })
        {
            using (var anonymousGet = await anonymous.GetAsync(new Uri(path, UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NotFound, anonymousGet.StatusCode);
            }
            using (var strangerGet = await stranger.GetAsync(new Uri(path, UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NotFound, strangerGet.StatusCode);
            }
        }

        using var response = await owner.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await ClusterAtlasFactory.ParseAsync(html);
        Assert.Equal("Hidden Draft Cluster", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.StartsWith("Not public:", page.QuerySelector(".not-public")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Draft:", page.QuerySelector(".status-note")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["View", .. EditingTabs, "Printer-friendly version"], (await TabsAsync(owner, url)).Select(t => t.Text));
        await HtmlValidator.AssertValidAsync(html, "a draft's page");
        using var print = await owner.GetAsync(new Uri(url + "/print", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);

        // Edits show at once: the page of an unpublished profile is not cached.
        using (var saved = await owner.SubmitFormAsync(url + "/edit/identity", new()
        {
            ["Form.Name"] = "Hidden Draft Cluster",
            ["Form.Website"] = "https://cluster.example.org",
            ["Form.CountryCode"] = "RS",
            ["Form.City"] = "Novi Sad",
            ["Form.ShortDescription"] = "Freshly saved words.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Contains("Freshly saved words.", await owner.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_this_page_lists_the_blocks_each_reader_sees_and_every_link_leads_to_its_block()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        // A section, so that a visitor's list has more than one entry.
        var slug = await app.PublishedProfileAsync(owner, "Navigated Cluster", profile => profile.EstablishedOn = new DateOnly(2015, 3, 1));
        using var anonymous = app.CreateBrowser();
        var url = $"/cluster-organisations/{slug}";

        // Its administrator sees the empty blocks with their links to post, submit and write; a visitor only the network.
        Assert.Equal(["#general", "#partner-search", "#events", "#news", "#network"], await SectionNavTargetsAsync(owner, url));
        Assert.Equal(["#general", "#network"], await SectionNavTargetsAsync(anonymous, url));
    }

    /// <summary>The fragments of the page's "On this page" links, each checked to name an element of the page.</summary>
    private static async Task<List<string>> SectionNavTargetsAsync(HttpClient browser, string url)
    {
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(url, UriKind.Relative)));
        var targets = page.QuerySelectorAll(".section-nav a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.All(targets, href => Assert.True(href.StartsWith('#') && page.GetElementById(href[1..]) is not null, $"{url}: “{href}” leads nowhere"));
        return targets;
    }

    private static async Task<List<(string Text, string? Href)>> TabsAsync(HttpClient browser, string url)
    {
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(url, UriKind.Relative)));
        return [.. page.QuerySelectorAll(".profile-actions a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")))];
    }
}
