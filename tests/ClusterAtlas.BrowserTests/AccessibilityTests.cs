using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>axe-core finds no WCAG 2.1 A/AA violation on any page template, in light and dark colour schemes.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    public static TheoryData<string, string, ColorScheme> Pages()
    {
        var data = new TheoryData<string, string, ColorScheme>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            data.Add("home", "/", scheme);
            data.Add("directory", "/cluster-organisations", scheme);
            data.Add("profile", "/cluster-organisations/vojvodina-metal-cluster", scheme);
            data.Add("print", "/cluster-organisations/vojvodina-metal-cluster/print", scheme);
            data.Add("not-found", "/cluster-organisations/no-such-cluster", scheme);
            data.Add("privacy", "/privacy", scheme);
            data.Add("terms", "/terms", scheme);
            data.Add("imprint", "/imprint", scheme);
            data.Add("events", "/events", scheme);
            data.Add("calls", "/calls", scheme);
            data.Add("call", "/calls/cluster-cooperation-for-resilient-supply-chains", scheme);
            data.Add("news", "/news", scheme);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_axe_violations(string template, string path, ColorScheme scheme)
    {
        await using var tab = await app.OpenTabAsync(colorScheme: scheme);
        var page = tab.Page;
        var watch = tab.Watch;
        if (template == "not-found")
        {
            watch.ExpectErrorStatus(path);
        }

        var response = await page.GotoAsync(path);
        Assert.Equal(template == "not-found" ? 404 : 200, response?.Status);
        await Axe.AssertNoViolationsAsync(page, $"{path} ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"axe-{template}-{scheme.ToString().ToLowerInvariant()}");
        watch.AssertClean();
    }

    [Fact]
    public async Task Serbian_pages_have_no_axe_violations()
    {
        await using var tab = await app.OpenTabAsync(locale: "sr-Latn-RS");
        var page = tab.Page;
        var watch = tab.Watch;
        foreach (var path in new[] { "/", "/cluster-organisations/vojvodina-metal-cluster" })
        {
            await page.GotoAsync(path);
            Assert.Equal("sr-Latn", await page.GetAttributeAsync("html", "lang"));
            await Axe.AssertNoViolationsAsync(page, $"{path} (sr-Latn)");
        }
        watch.AssertClean();
    }

    /// <summary>The API reference is the Scalar package's page, drawn by its script: checked once it has drawn the operations.</summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_API_reference_has_no_axe_violations_and_leads_back_to_the_site(ColorScheme scheme)
    {
        await using var tab = await app.OpenTabAsync(colorScheme: scheme);
        var page = tab.Page;
        await page.GotoAsync("/");
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();
        await page.WaitForURLAsync("**/api/docs/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.GetByText("/api/v1/cluster-organisations").First.WaitForAsync();
        await Axe.AssertNoViolationsAsync(page, $"/api/docs/ ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"axe-api-docs-{scheme.ToString().ToLowerInvariant()}");
        await page.GetByRole(AriaRole.Link, new() { Name = "ClusterAtlas" }).First.ClickAsync();
        await page.WaitForURLAsync(new Uri(app.BaseAddress, "/").ToString());
        tab.Watch.AssertClean();
    }
}
