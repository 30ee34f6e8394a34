using ClusterAtlas.BrowserTests.Infrastructure;
using ClusterAtlas.Data;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// Serbian and German pages name countries and terms in their language, dates in its European form, and the demo
/// profile's name in the local language carries the language of Serbia (sr), with no axe violation in either scheme.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LanguagePagesTests(BrowserApp app)
{
    private const string Profile = "/cluster-organisations/vojvodina-metal-cluster";
    private const string LocalName = "Vojvođanski metalski klaster";

    /// <summary>The demo profile as the ECCP page of a Serbian cluster gives it: with its name in the local language.</summary>
    private async Task GiveTheDemoProfileALocalNameAsync()
    {
        var text = File.ReadAllText(SeedFiles.PathOf(DatabaseInitializer.DemoProfileFile))
            .Replace("General Information\n", $"Name in the local language: \n{LocalName}\nGeneral Information\n", StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        // Other journeys edit the shared demo profile, so this import replaces their version on purpose.
        await scope.ServiceProvider.GetRequiredService<EccpProfileImporter>().ImportAsync(text, "vojvodina.txt", ProfileStatus.Published, CancellationToken.None, replace: true);
    }

    [Theory]
    [InlineData("sr-Latn-RS", "Srbija", "Tehnologije obrade metala", "21. oktobar 2011")]
    [InlineData("de-DE", "Serbien", "Metallbearbeitungstechnik", "21. Oktober 2011")]
    public async Task Profile_and_directory_name_countries_terms_and_dates_in_the_page_language(string locale, string country, string sector, string established)
    {
        await GiveTheDemoProfileALocalNameAsync();
        foreach (var (width, height, device) in new[] { (1280, 900, "desktop"), (390, 844, "phone") })
        {
            await using var tab = await app.OpenTabAsync(width, height, locale: locale);
            var page = tab.Page;
            var watch = tab.Watch;

            await page.GotoAsync(Profile);
            await Assertions.Expect(page.Locator(".profile-header .badge").First).ToHaveTextAsync(country);
            await Assertions.Expect(page.Locator("#focus .tags li", new() { HasTextString = sector })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#general time")).ToHaveTextAsync(established);
            var localName = page.Locator(".profile-subtitle [lang]");
            await Assertions.Expect(localName).ToHaveTextAsync(LocalName);
            await Assertions.Expect(localName).ToHaveAttributeAsync("lang", "sr");
            Assert.DoesNotContain("MembersOnly", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Artefacts.ScreenshotAsync(page, $"language-profile-{locale}-{device}");

            await page.GotoAsync("/cluster-organisations?country=RS");
            await Assertions.Expect(page.Locator("label:has(> input[name=country]:checked)")).ToContainTextAsync(country);
            await Assertions.Expect(page.Locator(".active-filters")).ToContainTextAsync(country);
            await Assertions.Expect(page.Locator(".facet label", new() { HasTextString = sector })).ToHaveCountAsync(1);
            await Artefacts.ScreenshotAsync(page, $"language-directory-{locale}-{device}");
            watch.AssertClean();
        }
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task A_profile_with_a_local_language_name_has_no_axe_violations(ColorScheme scheme)
    {
        await GiveTheDemoProfileALocalNameAsync();
        foreach (var locale in new[] { "en-GB", "sr-Latn-RS", "de-DE" })
        {
            await using var tab = await app.OpenTabAsync(colorScheme: scheme, locale: locale);
            var page = tab.Page;
            var watch = tab.Watch;
            await page.GotoAsync(Profile);
            await Assertions.Expect(page.Locator(".profile-subtitle [lang=sr]")).ToHaveTextAsync(LocalName);
            await Axe.AssertNoViolationsAsync(page, $"{Profile} with a local name ({locale}, {scheme})");
            await page.GotoAsync("/cluster-organisations?country=RS");
            await Axe.AssertNoViolationsAsync(page, $"directory ({locale}, {scheme})");
            watch.AssertClean();
        }
    }
}
