using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// What a visitor does, in a real browser: search from the home page, open a profile, print it; the same on a phone;
/// with the keyboard only; in another language. Depends on the directory page only for its search form (input q,
/// GET /cluster-organisations) and its result titles (.result-title links).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class JourneyTests(BrowserApp app)
{
    private const string ProfilePath = "/cluster-organisations/vojvodina-metal-cluster";
    private const string ProfileName = "Vojvodina Metal Cluster";
    private const string ProfileLink = ".result-title a[href^='/cluster-organisations/']";

    [Fact]
    public async Task Home_search_profile_print()
    {
        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;

        await page.GotoAsync("/");
        await Artefacts.ScreenshotAsync(page, "journey-1-home");
        var search = page.Locator("main form[action='/cluster-organisations'] input[name='q']");
        await search.FillAsync("metal");
        await search.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(SearchUrl());
        await Artefacts.ScreenshotAsync(page, "journey-2-search");

        await page.Locator(ProfileLink).Filter(new LocatorFilterOptions { HasText = ProfileName }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(ProfilePath) + "$"));
        Assert.Equal(ProfileName, await page.Locator("h1").InnerTextAsync());
        await Artefacts.ScreenshotAsync(page, "journey-3-profile");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Printer-friendly version" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(ProfilePath + "/print") + "$"));
        Assert.Equal(ProfileName, await page.Locator("h1").InnerTextAsync());
        // No site navigation, only the footer's links to the imprint, privacy policy, terms, newsletter and API reference (hidden on paper).
        Assert.Equal(0, await page.Locator("header.site-header, main nav").CountAsync());
        Assert.Equal(5, await page.Locator("footer.site-footer nav a").CountAsync());
        await Assertions.Expect(page.Locator("main .data-licence")).ToHaveTextAsync("Profile data: CC BY 4.0");
        await Artefacts.ScreenshotAsync(page, "journey-4-print-view");
        // What the printer gets: the print stylesheet, as a PDF.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Artefacts.ScreenshotDirectory, "journey-5-print.pdf"), Format = "A4" });
        watch.AssertClean();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(320, 640)]
    public async Task Phone_viewport_has_no_horizontal_scrolling(int width, int height)
    {
        await using var tab = await app.OpenTabAsync(width, height);
        var page = tab.Page;
        var watch = tab.Watch;
        foreach (var (name, path) in new[] { ("home", "/"), ("directory", "/cluster-organisations"), ("profile", ProfilePath), ("print", ProfilePath + "/print") })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at {width}px wide");
            await Artefacts.ScreenshotAsync(page, $"phone-{width}-{name}");
        }
        watch.AssertClean();
    }

    [Fact]
    public async Task Keyboard_only_search()
    {
        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync("/");

        // The first Tab reaches the skip link, shown while focused; Enter moves to the main content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#main", await ActiveAsync(page, "el => el.getAttribute('href')"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        await AssertFocusVisibleAsync(page);
        await Artefacts.ScreenshotAsync(page, "keyboard-1-skip-link");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await ActiveAsync(page, "el => el.id"));

        // From the main content, Tab leads into the search box.
        await TabUntilAsync(page, "el => el.name === 'q'");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync("metal");
        await Artefacts.ScreenshotAsync(page, "keyboard-2-search-box");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(SearchUrl());

        // Tab to the profile among the results and open it with Enter.
        await TabUntilAsync(page, $"el => el.matches(\"{ProfileLink}\") && el.textContent.trim() === '{ProfileName}'");
        await AssertFocusVisibleAsync(page);
        await Artefacts.ScreenshotAsync(page, "keyboard-3-result-focused");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(ProfilePath) + "$"));
        Assert.Equal(ProfileName, await page.Locator("h1").InnerTextAsync());
        watch.AssertClean();
    }

    [Fact]
    public async Task Language_switch_keeps_the_page_and_changes_the_strings()
    {
        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await page.GotoAsync(ProfilePath);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("General Information", await page.Locator("#general-title").InnerTextAsync());

        await page.Locator(".language-nav").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Srpski" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(ProfilePath) + "$"));
        Assert.Equal("sr-Latn", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Opšte informacije", await page.Locator("#general-title").InnerTextAsync());
        Assert.Equal(ProfileName, await page.Locator("h1").InnerTextAsync());
        await Artefacts.ScreenshotAsync(page, "language-1-serbian");

        // The choice is remembered: the next page is Serbian too.
        await page.GotoAsync("/");
        Assert.Equal("Pronađite klasterske organizacije i partnere", await page.Locator("h1").InnerTextAsync());

        await page.Locator(".language-nav").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "English" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Find cluster organisations and partners", await page.Locator("h1").InnerTextAsync());
        await Artefacts.ScreenshotAsync(page, "language-2-english-again");
        watch.AssertClean();
    }

    private static Regex SearchUrl() => SearchUrlPattern();

    [GeneratedRegex(@"/cluster-organisations\?(.*&)?q=metal(&|$)")]
    private static partial Regex SearchUrlPattern();

    private static Task<string?> ActiveAsync(IPage page, string property) =>
        page.EvaluateAsync<string?>($"() => ({property})(document.activeElement)");

    private static async Task TabUntilAsync(IPage page, string predicate)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        for (var presses = 0; presses < 80; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => ({predicate})(document.activeElement)"))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached an element where {predicate}");
    }

    /// <summary>The focused element shows a focus ring (outline) the user can see.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.False(outline.StartsWith("none", StringComparison.Ordinal) || outline.EndsWith(" 0px", StringComparison.Ordinal), $"The focused element has no visible outline ({outline})");
    }
}
