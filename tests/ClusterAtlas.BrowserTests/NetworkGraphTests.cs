using System.Globalization;
using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// The network's graph of a few hundred sample profiles on a 390 px phone: drawn over its whole box (a round cloud
/// filled the middle half of the tall, narrow box before), with the graph telling how much of it the drawing spans.
/// </summary>
public sealed class NetworkGraphTests(DirectoryBrowserApp fixture) : IClassFixture<DirectoryBrowserApp>
{
    [Fact]
    public async Task On_a_phone_the_graph_is_drawn_over_its_whole_box()
    {
        await using var tab = await fixture.App.OpenTabAsync(390, 844);
        var page = tab.Page;
        await page.GotoAsync("/network");
        var graph = page.Locator("#network-graph");
        // The drawing comes after the page's load, a few layout steps a frame: on a machine as busy as the whole suite
        // makes it, that takes far longer than the seconds it takes on a phone.
        await Assertions.Expect(graph).ToHaveAttributeAsync("data-drawn", new Regex(@"^\d+x\d+$"), new() { Timeout = 90_000 });
        var spans = (await graph.GetAttributeAsync("data-drawn"))!.Split('x').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        await Artefacts.ScreenshotAsync(page, "phone-390-network-graph");
        Assert.True(spans[0] >= 80 && spans[1] >= 80, $"the graph spans {spans[0]} % of its box's width and {spans[1]} % of its height at 390 px");
        tab.Watch.AssertClean();
    }
}
