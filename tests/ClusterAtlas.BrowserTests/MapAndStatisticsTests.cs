using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// The map draws the bundled boundaries and the demo profile's marker with nothing fetched from another host, its
/// popup opens from the keyboard and links to the profile; the statistics page draws its charts above its tables.
/// axe finds nothing on either, on a desktop and on a phone.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MapAndStatisticsTests(BrowserApp app)
{
    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task The_map_and_the_statistics_work_offline_from_the_keyboard_with_no_axe_violations(int width, int height, string device)
    {
        await using var context = await app.NewContextAsync(width, height);
        await Axe.InjectAsync(context);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } uri && uri.Authority != app.BaseAddress.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };

        // Other journeys add profiles in Serbia to the shared app: the words keep the seed alone, so its marker is not
        // drawn inside a cluster of markers (where Enter zooms instead of opening a popup).
        await page.GotoAsync("/cluster-organisations/map?country=RS&q=Vojvodina+Metal+Cluster");
        var marker = page.Locator("#cluster-map .leaflet-marker-icon[title='Vojvodina Metal Cluster']");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        Assert.True(await page.Locator("#cluster-map .leaflet-overlay-pane path").CountAsync() > 100, "the countries are not drawn");
        await Assertions.Expect(page.Locator(".map-legend li")).ToHaveCountAsync(1);

        // From the keyboard: the marker takes the focus and Enter opens its popup, which links to the profile.
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popupLink = page.Locator(".leaflet-popup-content .popup-title a");
        await Assertions.Expect(popupLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/cluster-organisations/vojvodina-metal-cluster$"));
        // The popup may still be moving into view (the map pans to show it on a phone): check it once it has settled.
        await page.WaitForFunctionAsync("() => { const p = document.querySelector('.leaflet-popup'); return p && getComputedStyle(p).opacity === '1' && !document.querySelector('.leaflet-pan-anim, .leaflet-zoom-anim'); }");
        await Axe.AssertNoViolationsAsync(page, $"map ({device})");
        await Artefacts.ScreenshotAsync(page, $"map-{device}");

        await page.GotoAsync("/statistics?country=RS");
        await Assertions.Expect(page.Locator("#country .chart canvas")).ToBeVisibleAsync();
        Assert.True(await page.Locator(".chart canvas").CountAsync() >= 6, "charts are missing");
        await Assertions.Expect(page.Locator("#country-data tbody tr")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page, $"statistics ({device})");
        await Artefacts.ScreenshotAsync(page, $"statistics-{device}");

        Assert.True(elsewhere.Count == 0, "requests to other hosts: " + string.Join(", ", elsewhere));
        watch.AssertClean();
    }
}
