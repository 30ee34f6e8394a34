using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>A signed-in moderator's header on a 390 px phone: the page's own content starts on the first screen's upper part.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PhoneHeaderTests(BrowserApp app)
{
    [Fact]
    public async Task The_signed_in_header_stays_compact_on_a_phone_and_keeps_every_link()
    {
        await using var tab = await app.OpenTabAsync(width: 390, height: 844);
        var page = tab.Page;
        var watch = tab.Watch;
        await app.SignInAsNewModeratorAsync(page, $"moderator-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/news");
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        await Artefacts.ScreenshotAsync(page, "phone-header-signed-in");
        Assert.True(header!.Height <= 844 * 0.25, $"the header is {header.Height}px high on an 844 px screen");

        // Every account link is still there, one tap away, and works.
        var account = page.Locator(".account-nav");
        if (await account.Locator("summary").IsVisibleAsync())
        {
            await account.Locator("summary").ClickAsync();
        }
        await Assertions.Expect(account.GetByRole(AriaRole.Link, new() { Name = "Moderation" })).ToBeVisibleAsync();
        await Assertions.Expect(account.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Artefacts.ScreenshotAsync(page, "phone-header-signed-in-menu-open");
        await Axe.AssertNoViolationsAsync(page, "the signed-in header at 390 px, its menu open");
        // On a wide screen the links are in the header's row, as before, with no menu to open.
        await page.SetViewportSizeAsync(1280, 900);
        await page.ReloadAsync();
        await Assertions.Expect(account.Locator("summary")).ToBeHiddenAsync();
        await Assertions.Expect(account.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Artefacts.ScreenshotAsync(page, "wide-header-signed-in");
        await account.GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/moderation$"));
        watch.AssertClean();
    }
}
