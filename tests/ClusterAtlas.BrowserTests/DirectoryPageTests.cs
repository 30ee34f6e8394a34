using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using ClusterAtlas.ImportExport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// Its own application, with sample profiles beside the demo profile, so that the directory has pages of results and
/// full facets (the journeys' application keeps the one demo profile they expect).
/// </summary>
public sealed class DirectoryBrowserApp : IAsyncLifetime
{
    public BrowserApp App { get; } = new();

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().GenerateAsync(250, seed: 11, progress: null, CancellationToken.None);
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>The directory page in a real browser: results first on a phone, facets that follow the results, links that carry tracking tags.</summary>
public sealed partial class DirectoryPageTests(DirectoryBrowserApp fixture) : IClassFixture<DirectoryBrowserApp>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    /// <summary>Everything the page shows about a search: count, notices, results, the filters' summary and every facet value with its count and state.</summary>
    private const string ShownScript = """
        () => JSON.stringify({
            title: document.title,
            count: document.querySelector('#result-count')?.textContent.trim() ?? null,
            someWords: document.querySelector('#some-words')?.textContent.trim() ?? null,
            results: [...document.querySelectorAll('.result-title a')].map(a => a.getAttribute('href')),
            active: [...document.querySelectorAll('.active-filters a')].map(a => a.textContent.trim()),
            summary: document.querySelector('#filters-summary').textContent.trim(),
            facets: [...document.querySelectorAll('#filters fieldset.facet')].map(f => ({
                legend: f.querySelector('legend').textContent.trim(),
                values: [...f.querySelectorAll('.facet-value')].map(v => ({
                    label: v.querySelector('label').textContent.trim(),
                    name: v.querySelector('input').name,
                    value: v.querySelector('input').value,
                    checked: v.querySelector('input').checked,
                })),
            })),
        })
        """;

    private static async Task<JsonElement> ShownAsync(IPage page) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>(ShownScript)).RootElement.Clone();

    private static async Task TypeAndWaitAsync(IPage page, string text)
    {
        var search = page.Locator("input#q");
        await search.FillAsync("");
        await search.PressSequentiallyAsync(text, new LocatorPressSequentiallyOptions { Delay = 60 });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=" + Regex.Escape(Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal)) + "(&|$)"));
        // The address changes once the update is in the page; wait for the network to settle too.
        await SettleAsync(page);
    }

    /// <summary>Past the script's 250 ms pause after a keystroke or a click, and with no request left in flight.</summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(400);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task On_a_phone_the_first_result_is_on_the_first_screen_and_the_filters_wait_behind_a_disclosure()
    {
        await using var tab = await fixture.App.OpenTabAsync(PhoneWidth, PhoneHeight);
        var page = tab.Page;
        var watch = tab.Watch;

        await page.GotoAsync("/cluster-organisations?country=RS&label=bronze");
        var filters = page.Locator("details#filters");
        Assert.False(await filters.EvaluateAsync<bool>("d => d.open"));
        Assert.Equal("Filters (2 active)", (await page.Locator("#filters-summary").InnerTextAsync()).Trim());
        await AssertFirstResultOnFirstScreenAsync(page);
        await Artefacts.ScreenshotAsync(page, "directory-phone-1-results-first");

        // Typing at the top of the page: the results it brings are still right below the search box.
        await page.GotoAsync("/cluster-organisations");
        await TypeAndWaitAsync(page, "metal");
        await AssertFirstResultOnFirstScreenAsync(page);
        Assert.Contains("metal", (await page.Locator(".result-title").First.InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        await Artefacts.ScreenshotAsync(page, "directory-phone-2-typed");

        // The disclosure opens to the filters; choosing one updates the button that leads back to the results.
        await page.Locator("#filters-summary").ClickAsync();
        Assert.True(await filters.EvaluateAsync<bool>("d => d.open"));
        var showResults = page.Locator("#filters .show-results");
        await Assertions.Expect(showResults).ToBeVisibleAsync();
        var before = await showResults.InnerTextAsync();
        await page.Locator("#filters fieldset.facet input[name=country]").First.CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]country="));
        await Assertions.Expect(page.Locator("#filters-summary")).ToHaveTextAsync("Filters (1 active)");
        Assert.True(await filters.EvaluateAsync<bool>("d => d.open"), "the filters stay open after an update");
        Assert.NotEqual(before, await showResults.InnerTextAsync());
        await Artefacts.ScreenshotAsync(page, "directory-phone-3-filters-open");
        await Axe.AssertNoViolationsAsync(page, "the directory at 390 px with the filters open");
        watch.AssertClean();
    }

    [Fact]
    public async Task The_skip_link_moves_the_focus_to_the_results_without_reloading_the_page()
    {
        // Following #main fires popstate, which the script answers for back and forward between searches; a change of
        // the fragment alone must not reload the page (the focus would end on the body).
        await using var tab = await fixture.App.OpenTabAsync(1280, 900);
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync("/cluster-organisations?q=cluster");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#main", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?q=cluster#main$"));
        await SettleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the skip link reloaded the page");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('main#main') !== null"),
            "the focus is on " + await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        watch.AssertClean();
    }

    [Fact]
    public async Task The_maps_controls_and_clusters_are_named_in_the_page_language()
    {
        await using var tab = await fixture.App.OpenTabAsync(1280, 900, locale: "de-DE");
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync("/cluster-organisations/map");
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        var zoomIn = page.Locator("#cluster-map .leaflet-control-zoom-in");
        await Assertions.Expect(zoomIn).ToHaveAttributeAsync("title", "Vergrößern");
        await Assertions.Expect(zoomIn).ToHaveAttributeAsync("aria-label", "Vergrößern");
        await Assertions.Expect(page.Locator("#cluster-map .leaflet-control-zoom-out")).ToHaveAttributeAsync("aria-label", "Verkleinern");
        await Assertions.Expect(page.Locator("#cluster-map .leaflet-control-attribution a[href='https://leafletjs.com']"))
            .ToHaveAttributeAsync("title", "Eine JavaScript-Bibliothek für interaktive Karten");
        // The sample profiles are many: some are drawn as clusters, each named with its count in words.
        // (The markers are added in chunks: a cluster's count, and its icon, change until the last chunk.)
        await Assertions.Expect(page.Locator("#cluster-map .marker-cluster").First).ToHaveAttributeAsync("aria-label", new Regex(@"^\d+ Clusterorganisationen hier$"));
        await page.WaitForFunctionAsync("""
            () => [...document.querySelectorAll('#cluster-map .marker-cluster')]
                .every(icon => icon.getAttribute('aria-label') === icon.textContent.trim() + ' Clusterorganisationen hier')
            """);
        watch.AssertClean();
    }

    [Fact]
    public async Task A_filter_chosen_with_the_keyboard_keeps_the_focus_when_the_filters_are_replaced()
    {
        // The update replaces every checkbox; the one the visitor was on (found by its name and value: the checkboxes
        // sit inside their labels, without ids) gets the focus back, so the keyboard goes on from there.
        await using var tab = await fixture.App.OpenTabAsync(1280, 900);
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync("/cluster-organisations?q=cluster");
        var country = page.Locator("#filters fieldset.facet input[name=country]").Nth(1);
        var code = await country.GetAttributeAsync("value");
        await country.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]country=" + code + "(&|$)"));
        await SettleAsync(page);
        Assert.Equal($"country={code} checked", await page.EvaluateAsync<string>(
            "() => { const e = document.activeElement; return e.name + '=' + e.value + (e.checked ? ' checked' : ''); }"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('#filters') !== null"));
        watch.AssertClean();
    }

    [Fact]
    public async Task Without_javascript_the_filters_open_and_apply_with_their_button()
    {
        await using var context = await fixture.App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight },
            JavaScriptEnabled = false,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync("/cluster-organisations?q=cluster");
        await AssertFirstResultOnFirstScreenAsync(page);
        await page.Locator("#filters-summary").ClickAsync();
        var country = page.Locator("#filters fieldset.facet input[name=country]").First;
        var code = await country.GetAttributeAsync("value");
        await country.CheckAsync();
        await page.Locator("#filters .apply-filters").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]country=" + code + "(&|$)"));
        await Assertions.Expect(page.Locator("#filters-summary")).ToHaveTextAsync("Filters (1 active)");
        watch.AssertClean();
    }

    [Fact]
    public async Task Without_javascript_the_filters_are_a_sidebar_on_a_wide_screen()
    {
        await using var context = await fixture.App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = false,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync("/cluster-organisations");
        var country = page.Locator("#filters fieldset.facet input[name=country]").First;
        await Assertions.Expect(country).ToBeVisibleAsync();
        var code = await country.GetAttributeAsync("value");
        await country.CheckAsync();
        await page.Locator("#filters .apply-filters").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]country=" + code + "(&|$)"));
        await Artefacts.ScreenshotAsync(page, "directory-wide-without-javascript");
        watch.AssertClean();
    }

    [Theory]
    [InlineData(1280, 900, "light")]
    [InlineData(1280, 900, "dark")]
    [InlineData(PhoneWidth, PhoneHeight, "light")]
    [InlineData(PhoneWidth, PhoneHeight, "dark")]
    public async Task The_directory_has_no_axe_violations(int width, int height, string scheme)
    {
        await using var tab = await fixture.App.OpenTabAsync(width, height, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = tab.Page;
        var watch = tab.Watch;
        foreach (var path in new[] { "/cluster-organisations?country=RS", "/cluster-organisations?q=vojvodina+forestry" })
        {
            await page.GotoAsync(path);
            // A sidebar on a wide screen, a closed disclosure on a phone.
            Assert.Equal(width > 900, await page.Locator("details#filters").EvaluateAsync<bool>("d => d.open"));
            await Axe.AssertNoViolationsAsync(page, $"{path} at {width} px ({scheme})");
        }
        await Artefacts.ScreenshotAsync(page, $"directory-axe-{width}-{scheme}");
        watch.AssertClean();
    }

    [Fact]
    public async Task On_a_wide_screen_the_filters_open_as_a_sidebar_without_moving_the_page()
    {
        await using var tab = await fixture.App.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync("/cluster-organisations?q=cluster", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(await page.Locator("details#filters").EvaluateAsync<bool>("d => d.open"));
        var filters = await page.Locator("#filters fieldset.facet").First.BoundingBoxAsync();
        var results = await page.Locator(".result").First.BoundingBoxAsync();
        Assert.True(filters!.X + filters.Width <= results!.X, "the filters sit beside the results");
        await LayoutShift.AssertSteadyAsync(page, "the directory");
        watch.AssertClean();
    }

    [Fact]
    public async Task After_typing_and_choosing_filters_the_page_shows_what_a_reload_of_its_address_shows()
    {
        await using var tab = await fixture.App.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync("/cluster-organisations");
        Assert.True(await page.Locator("details#filters").EvaluateAsync<bool>("d => d.open"));
        var initial = await ShownAsync(page);

        await TypeAndWaitAsync(page, "cluster");
        var typed = await ShownAsync(page);
        Assert.NotEqual(initial.GetProperty("facets").ToString(), typed.GetProperty("facets").ToString());
        await AssertSameAfterReloadAsync(page, typed);

        // A filter, then more words: the facets follow each update.
        await page.Locator("#filters fieldset.facet input[name=country]").First.CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]country="));
        await SettleAsync(page);
        await AssertSameAfterReloadAsync(page, await ShownAsync(page));

        await TypeAndWaitAsync(page, "metal");
        await AssertSameAfterReloadAsync(page, await ShownAsync(page));
        await Artefacts.ScreenshotAsync(page, "directory-desktop-after-updates");
        watch.AssertClean();
    }

    [Fact]
    public async Task Tracking_parameters_in_a_link_are_ignored()
    {
        await using var tab = await fixture.App.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync("/cluster-organisations?q=metal&country=RS");
        var plain = await ShownAsync(page);
        var response = await page.GotoAsync("/cluster-organisations?q=metal&utm_source=newsletter&utm_medium=email&utm_campaign=autumn&country=RS&fbclid=IwAR2x&gclid=EAIaIQ&ref=partner");
        Assert.Equal(200, response?.Status);
        Assert.Equal(0, await page.Locator("[role=alert]").CountAsync());
        Assert.Equal(plain.ToString(), (await ShownAsync(page)).ToString());
        watch.AssertClean();
    }

    [Fact]
    public async Task When_no_profile_has_every_word_the_ones_with_some_are_shown_and_labelled()
    {
        await using var tab = await fixture.App.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync("/cluster-organisations");
        await TypeAndWaitAsync(page, "vojvodina forestry");
        await Assertions.Expect(page.Locator("#some-words")).ToContainTextAsync("No profile matches all of the words; these match some of them.");
        var results = page.Locator(".result-title a");
        Assert.True(await results.CountAsync() > 1);
        await Assertions.Expect(page.Locator(".result-title a", new PageLocatorOptions { HasText = "Vojvodina Metal Cluster" })).ToHaveCountAsync(1);
        await Artefacts.ScreenshotAsync(page, "directory-some-words");
        await AssertSameAfterReloadAsync(page, await ShownAsync(page));

        // Every word together: no label.
        await TypeAndWaitAsync(page, "vojvodina metal");
        await Assertions.Expect(page.Locator("#some-words")).ToHaveCountAsync(0);
        watch.AssertClean();
    }

    private static async Task AssertSameAfterReloadAsync(IPage page, JsonElement shown)
    {
        var url = page.Url;
        await page.ReloadAsync();
        Assert.Equal(url, page.Url);
        Assert.Equal(shown.ToString(), (await ShownAsync(page)).ToString());
    }

    private static async Task AssertFirstResultOnFirstScreenAsync(IPage page)
    {
        var first = await page.Locator(".result").First.BoundingBoxAsync();
        var search = await page.Locator("input#q").BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.NotNull(search);
        Assert.True(first.Y > search.Y + search.Height, "the first result is below the search box");
        Assert.True(first.Y < PhoneHeight, $"the first result starts at {first.Y:0} px, below the first screen ({PhoneHeight} px)");
    }
}
