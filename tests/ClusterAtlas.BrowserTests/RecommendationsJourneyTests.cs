using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// "Clusters you could work with" in a real browser: a profile's administrator opens them from the account, reads why
/// each is recommended, and follows one to its profile page. axe checks the recommendations page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RecommendationsJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_reads_why_a_cluster_is_recommended_and_follows_it_to_its_profile()
    {
        var unique = "Titano" + Guid.NewGuid().ToString("N")[..6];
        var mineName = $"{unique} Stone Cluster";
        var theirsName = $"{unique} Ceramics Cluster";
        var email = $"stone-{unique.ToLowerInvariant()}@example.org";
        // Both in San Marino, where no other profile is: the reason the one is recommended to the other.
        var mine = await app.MemberWithPublishedProfileAsync(email, "Sara Stone", mineName, countryCode: "SM");
        var theirs = await app.MemberWithPublishedProfileAsync($"ceramics-{unique.ToLowerInvariant()}@example.org", "Carlo Ceramics", theirsName, countryCode: "SM");

        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await JourneySteps.SignInAsync(page, email);
        await page.GotoAsync("/account");
        await page.Locator("main a[href='/account/recommendations']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Clusters you could work with");

        var section = page.Locator($"#for-{mine}");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(mineName);
        var item = section.Locator(".recommendations > li").Filter(new() { HasText = theirsName });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.Locator(".muted")).ToContainTextAsync("both are in San Marino");
        await Assertions.Expect(item.GetByRole(AriaRole.Button, new() { Name = $"Not relevant: {theirsName}" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "account recommendations");
        await Artefacts.ScreenshotAsync(page, "account-recommendations");

        await item.GetByRole(AriaRole.Link, new() { Name = theirsName }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cluster-organisations/{Regex.Escape(theirs)}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(theirsName);
        watch.AssertClean();
    }
}
