using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// The map draws the bundled boundaries and the demo profile's marker with nothing fetched from another host, its
/// popup opens from the keyboard and links to the profile, the arrow keys and + move and zoom it; the statistics page
/// draws its charts above its tables. axe finds nothing on either, on a desktop and on a phone. On a desktop, a
/// profile's administrator moves its point on the edit form's small map by keyboard and by dragging.
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
        // The boundaries and the points are fetched side by side: the marker may be drawn before the countries are.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#cluster-map .leaflet-overlay-pane path').length > 100");
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

        // The map's own keys, once it has the focus: Escape closes the popup, the arrow keys move the map, + zooms in.
        await page.Locator("#cluster-map").FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".leaflet-popup")).ToHaveCountAsync(0);
        var mapPane = page.Locator("#cluster-map .leaflet-map-pane");
        var before = await mapPane.GetAttributeAsync("style");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(mapPane).Not.ToHaveAttributeAsync("style", before ?? "");
        // Leaflet's zoom proxy is scaled by the zoom level.
        var proxy = page.Locator("#cluster-map .leaflet-proxy");
        var zoomed = await proxy.GetAttributeAsync("style");
        await page.Keyboard.PressAsync("+");
        await Assertions.Expect(proxy).Not.ToHaveAttributeAsync("style", zoomed ?? "");

        await page.GotoAsync("/statistics?country=RS");
        await Assertions.Expect(page.Locator("#country .chart canvas")).ToBeVisibleAsync();
        Assert.True(await page.Locator(".chart canvas").CountAsync() >= 6, "charts are missing");
        await Assertions.Expect(page.Locator("#country-data tbody tr")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page, $"statistics ({device})");
        await Artefacts.ScreenshotAsync(page, $"statistics-{device}");

        if (device == "desktop")
        {
            await ThePointIsMovedOnTheEditFormsMapAsync(page);
        }

        Assert.True(elsewhere.Count == 0, "requests to other hosts: " + string.Join(", ", elsewhere));
        watch.AssertClean();
    }

    /// <summary>A profile's administrator moves its point on the edit form's small map, by keyboard and by dragging; saved, the page says it is placed by its administrators.</summary>
    private async Task ThePointIsMovedOnTheEditFormsMapAsync(IPage page)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var slug = await app.MemberWithPublishedProfileAsync($"picker-{unique}@example.org", "Pia Picker", $"Picker {unique} Network");
        await JourneySteps.SignInAsync(page, $"picker-{unique}@example.org");
        await page.GotoAsync($"/cluster-organisations/{slug}/edit/identity");
        var marker = page.Locator("#location-picker .leaflet-marker-icon");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        var latitude = page.Locator("#Form_Latitude");
        var longitude = page.Locator("#Form_Longitude");
        await Assertions.Expect(latitude).ToHaveValueAsync(""); // placed by its city so far: the fields hold only a point set by hand

        await marker.FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        var byKeys = (double.Parse(await latitude.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(await longitude.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(byKeys.Item1 > 45.26 && byKeys.Item2 > 19.9, $"the arrow keys moved the point to {byKeys}"); // north and east of Novi Sad
        await Assertions.Expect(page.Locator("#location-picker-status")).ToContainTextAsync("Save to keep it");

        var box = (await marker.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height - 4);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 - 60, box.Y + box.Height + 30, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(longitude).Not.ToHaveValueAsync(byKeys.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var dragged = double.Parse(await longitude.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(dragged < byKeys.Item2, $"dragging west moved the longitude to {dragged}");
        await Axe.AssertNoViolationsAsync(page, "edit form's map");
        await Artefacts.ScreenshotAsync(page, "edit-form-map");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GotoAsync($"/cluster-organisations/{slug}");
        await Assertions.Expect(page.Locator("#map-location")).ToHaveAttributeAsync("data-precision", "exact");
        await Assertions.Expect(page.Locator("#map-location")).ToContainTextAsync("placed by its administrators");
    }
}
