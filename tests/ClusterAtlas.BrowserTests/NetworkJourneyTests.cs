using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// The cluster network in a real browser: one profile names the other exactly, the other names it in the wrong
/// country, so its administrator confirms the proposed match; the collaboration then shows as mutual on both profiles,
/// in /network's table (which needs no script) and in its graph. axe checks the confirmation page and /network.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NetworkJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_collaboration_confirmed_by_both_sides_is_mutual_on_both_profiles_and_in_the_network()
    {
        var unique = "Tarnlight" + Guid.NewGuid().ToString("N")[..6];
        var hempName = $"{unique} Hemp Cluster";
        var flaxName = $"{unique} Flax Cluster";
        var hempEmail = $"hemp-{unique.ToLowerInvariant()}@example.org";
        var hempSlug = await app.MemberWithPublishedProfileAsync(hempEmail, "Hana Hemp", hempName, countryCode: "MT");
        var flaxSlug = await app.MemberWithPublishedProfileAsync($"flax-{unique.ToLowerInvariant()}@example.org", "Filip Flax", flaxName, countryCode: "IS");
        // The flax cluster names the hemp cluster as it is (a sure match); the hemp cluster puts the flax cluster in
        // Malta, not Iceland, which only proposes the match to its administrators.
        await app.StateCollaborationAsync(flaxSlug, hempName, "MT");
        await app.StateCollaborationAsync(hempSlug, flaxName, "MT");

        // 1. The hemp cluster's administrator confirms the proposed match.
        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await JourneySteps.SignInAsync(page, hempEmail);
        await page.GotoAsync($"/cluster-organisations/{hempSlug}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("confirm or reject") }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page, "network matches to confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Confirm that {flaxName} is {flaxName}" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Confirmed: the collaboration now links to that profile.");

        // 2. Both profiles show the other as a mutual partner.
        foreach (var (slug, partner) in new[] { (hempSlug, flaxName), (flaxSlug, hempName) })
        {
            await page.GotoAsync($"/cluster-organisations/{slug}");
            var item = page.Locator(".network-partners > li").Filter(new() { HasText = partner });
            await Assertions.Expect(item.Locator(".badge.mutual")).ToHaveTextAsync("Mutual");
        }

        // 3. /network, filtered by Malta: the table lists it as mutual and the graph draws both clusters.
        await page.GotoAsync("/network");
        await page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Malta" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var row = page.Locator("table tbody tr").Filter(new() { HasText = hempName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(flaxName);
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("both");
        var graph = page.Locator("#network-graph");
        await Assertions.Expect(graph).ToBeVisibleAsync();
        await Assertions.Expect(graph.Locator("canvas").First).ToBeAttachedAsync();
        await Assertions.Expect(graph).ToHaveAttributeAsync("data-nodes", "2");
        await Assertions.Expect(graph).ToHaveAttributeAsync("data-mutual-edges", "1");
        await Axe.AssertNoViolationsAsync(page, "network");
        await Artefacts.ScreenshotAsync(page, "network-mutual");

        // 4. Without script the table is the page.
        await using var plain = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString().TrimEnd('/'), JavaScriptEnabled = false });
        var plainPage = await plain.NewPageAsync();
        await plainPage.GotoAsync($"/network?country=MT");
        await Assertions.Expect(plainPage.Locator("#network-graph")).ToBeHiddenAsync();
        await Assertions.Expect(plainPage.Locator("table tbody tr").Filter(new() { HasText = hempName }).Locator("td").Nth(2)).ToHaveTextAsync("both");

        watch.AssertClean();
    }
}
