using System.Net;
using AngleSharp.Dom;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClusterAtlas.Tests.Localisation;

/// <summary>
/// Countries, vocabulary terms and dates in the page's language, on the demo profile (Vojvodina Metal Cluster, Serbia,
/// Metalworking Technology, established 21 October 2011); search by the translated names; the local name's language.
/// </summary>
public sealed class DataLanguagePageTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string DemoProfile = "/cluster-organisations/vojvodina-metal-cluster";

    private async Task<IDocument> PageAsync(string url, string language)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("en", "Serbia", "Metalworking Technology", "Machining, fine (grinding, lapping)", "Resource efficiency")]
    [InlineData("sr-Latn", "Srbija", "Tehnologije obrade metala", "Fina mašinska obrada (brušenje, lepovanje)", "Efikasno korišćenje resursa")]
    [InlineData("de", "Serbien", "Metallbearbeitungstechnik", "Feinbearbeitung (Schleifen, Läppen)", "Ressourceneffizienz")]
    public async Task The_profile_page_shows_its_country_and_terms_in_the_page_language(string language, string country, string sector, string technology, string s3)
    {
        var page = await PageAsync(DemoProfile, language);
        Assert.Contains(country, page.QuerySelectorAll(".profile-header .badge").Select(b => b.TextContent));
        var tags = page.QuerySelectorAll("#focus .tags li").Select(li => li.TextContent).ToList();
        Assert.Contains(sector, tags);
        Assert.Contains(technology, tags);
        Assert.Contains(s3, tags);
        // Partners' countries in the cooperation section too.
        Assert.Contains(country, page.QuerySelector("#cooperation")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Serbia", "Metalworking Technology", "21–50 members")]
    [InlineData("sr-Latn", "Srbija", "Tehnologije obrade metala", "21–50 članova")]
    [InlineData("de", "Serbien", "Metallbearbeitungstechnik", "21–50 Mitglieder")]
    public async Task Directory_facets_and_filter_chips_are_in_the_page_language(string language, string country, string sector, string members)
    {
        var page = await PageAsync("/cluster-organisations?country=RS&sector=metalworking-technology", language);
        string Facet(string name) => string.Join("\n", page.QuerySelectorAll($"label > input[name={name}]").Select(i => i.ParentElement!.TextContent));
        Assert.Contains(country + " (", Facet("country"), StringComparison.Ordinal);
        Assert.Contains(sector + " (", Facet("sector"), StringComparison.Ordinal);
        var chips = page.QuerySelectorAll(".active-filters a").Select(a => a.TextContent.Replace("×", "", StringComparison.Ordinal).Trim()).ToList();
        Assert.Contains(country, chips);
        Assert.Contains(sector, chips);
        // The result card names the country in the page's language as well.
        Assert.StartsWith(country, page.QuerySelector(".result .muted")!.TextContent.Trim(), StringComparison.Ordinal);

        // Member ranges are UI words (the demo profile gives no member count, so the range is chosen to be shown).
        page = await PageAsync("/cluster-organisations?members=21-50", language);
        Assert.Contains(members + " (", Facet("members"), StringComparison.Ordinal);
        Assert.Contains(members, page.QuerySelector(".active-filters")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Austria", "Germany")]
    [InlineData("sr-Latn", "Austrija", "Nemačka")]
    [InlineData("de", "Deutschland", "Österreich")]
    public async Task Countries_with_as_many_profiles_are_listed_in_the_alphabetical_order_of_the_page_language(string language, string first, string second)
    {
        // One profile in each country: the country facet lists them by count, then by name as the visitor reads it.
        foreach (var (name, country) in new[] { ("Quillmere Tooling Cluster", "Austria"), ("Quillmere Optics Cluster", "Germany") })
        {
            await app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer => importer.ImportAsync(
                $"Home > Cluster Organisations > {name}\nCountry:\n{country}\nCluster Strategy\nQuillmere workshops.\n",
                "quillmere.txt", ProfileStatus.Published, CancellationToken.None));
        }
        var page = await PageAsync("/cluster-organisations?q=quillmere", language);
        var countries = page.QuerySelectorAll("label > input[name=country]").Select(i => i.ParentElement!.TextContent).ToList();
        Assert.Equal([$"{first} (1)", $"{second} (1)"], countries);
    }

    [Theory]
    [InlineData("en", "21 October 2011")]
    [InlineData("sr-Latn", "21. oktobar 2011")]
    [InlineData("de", "21. Oktober 2011")]
    public async Task Dates_are_in_the_European_form_of_the_page_language(string language, string established)
    {
        var page = await PageAsync(DemoProfile, language);
        var time = page.QuerySelector("#general time")!;
        Assert.Equal("2011-10-21", time.GetAttribute("datetime"));
        Assert.Equal(established, time.TextContent);
    }

    [Theory]
    [InlineData("Srbija")]
    [InlineData("Serbien")]
    [InlineData("Metallbearbeitungstechnik")]
    [InlineData("obrade metala")]
    [InlineData("Feinbearbeitung")]
    public async Task Searching_by_a_translated_country_or_term_finds_the_profile(string words)
    {
        var page = await PageAsync("/cluster-organisations?q=" + Uri.EscapeDataString(words), "en");
        Assert.Contains(page.QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == DemoProfile);
    }

    [Fact]
    public async Task An_index_written_before_the_translations_is_rebuilt_on_start()
    {
        // Every published profile's document as the platform wrote it before: English names only.
        await app.WithDbAsync(async db =>
        {
            var profiles = await db.ClusterOrganisations.AsNoTracking().Include(p => p.Terms).ThenInclude(t => t.Term)
                .Include(p => p.SupportProgrammes).Include(p => p.SuccessStories).AsSplitQuery()
                .Where(p => p.Status == ProfileStatus.Published).ToListAsync();
            var englishOnly = profiles.Select(p => SearchDocument.For(p, new CountryList(CountryList.Load().All), new TermTranslations([]))).ToList();
            await FullTextEngine.For(db).UpsertAsync(db, englishOnly, CancellationToken.None);
            return true;
        });
        Assert.DoesNotContain((await PageAsync("/cluster-organisations?q=Srbija+", "en")).QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == DemoProfile);

        await app.WithServiceAsync<DatabaseInitializer, bool>(async initializer =>
        {
            await initializer.InitializeAsync(CancellationToken.None);
            return true;
        });
        // Other words than before: matches are cached per directory version, and this write bypassed the write path.
        Assert.Contains((await PageAsync("/cluster-organisations?q=Srbija+metal+", "en")).QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == DemoProfile);
    }

    [Fact]
    public async Task An_imported_local_name_is_marked_with_the_country_main_language()
    {
        // The demo page (Serbia) with a name in the local language, as ECCP pages of Serbian clusters give it.
        var text = SeedPage.Text.Replace("General Information\n", "Name in the local language: \nVojvođanski metalski klaster\nGeneral Information\n", StringComparison.Ordinal);
        Assert.Contains("Vojvođanski", text, StringComparison.Ordinal);
        await app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer =>
            importer.ImportAsync(text, "vojvodina.txt", ProfileStatus.Published, CancellationToken.None));
        var name = (await PageAsync(DemoProfile, "de")).QuerySelector(".profile-subtitle [lang]");
        Assert.NotNull(name);
        Assert.Equal("Vojvođanski metalski klaster", name.TextContent);
        Assert.Equal("sr", name.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_of_the_local_name_is_chosen_in_the_identity_step()
    {
        var browser = await app.RegisterAndSignInAsync("local-language@example.org");
        var slug = await ProfileScenarios.RegisterProfileAsync(browser, "Danube Food Cluster");
        var identity = $"/cluster-organisations/{slug}/edit/identity";

        using var refused = await browser.SubmitFormAsync(identity, new() { ["Form.LocalName"] = "Dunavski klaster hrane", ["Form.LocalLanguage"] = "rs" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Form.LocalLanguage", (await ClusterAtlasFactory.FieldErrorsAsync(refused)).Keys);

        // Left to the default: the country's main language (the profile is in Serbia).
        using var saved = await browser.SubmitFormAsync(identity, new() { ["Form.LocalName"] = "Dunavski klaster hrane", ["Form.LocalLanguage"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative)));
        Assert.Equal("sr", page.QuerySelector(".profile-subtitle [lang]")!.GetAttribute("lang"));

        // Chosen: a Hungarian name for a cluster in Vojvodina.
        using var changed = await browser.SubmitFormAsync(identity, new() { ["Form.LocalName"] = "Dunai Élelmiszer Klaszter", ["Form.LocalLanguage"] = "hu" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative)));
        Assert.Equal("hu", page.QuerySelector(".profile-subtitle [lang]")!.GetAttribute("lang"));
        var form = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(identity, UriKind.Relative)));
        Assert.Equal("hu", form.QuerySelector("select[name='Form.LocalLanguage'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_profile_form_offers_terms_and_countries_in_the_page_language()
    {
        var browser = await app.RegisterAndSignInAsync("form-language@example.org");
        var slug = await ProfileScenarios.RegisterProfileAsync(browser, "Sava Metal Cluster");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var focus = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/focus", UriKind.Relative)));
        var choices = focus.QuerySelectorAll(".term-choices label").Select(l => l.TextContent).ToList();
        Assert.Contains("Metallbearbeitungstechnik", choices);
        Assert.Contains("Feinbearbeitung (Schleifen, Läppen)", choices);
        var identity = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/identity", UriKind.Relative)));
        Assert.Equal("Serbien", identity.QuerySelector("select[name='Form.CountryCode'] option[selected]")?.TextContent);
    }

    [Fact]
    public async Task Revisions_show_choices_in_words_not_code_names()
    {
        var browser = await app.RegisterAndSignInAsync("revision-words@example.org");
        var slug = await ProfileScenarios.RegisterProfileAsync(browser, "Visibility Words Cluster");
        using var saved = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/general", new()
        {
            ["Form.ManagementTeam[0].Name"] = "Ana Petrović",
            ["Form.ManagementTeam[0].Role"] = "Cluster Manager",
            ["Form.ManagementTeam[0].ContactVisibility"] = "MembersOnly",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var revisions = (await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/revisions", UriKind.Relative))))
            .QuerySelector("main")!.TextContent;
        Assert.Contains("Signed-in members only", revisions, StringComparison.Ordinal);
        Assert.DoesNotContain("MembersOnly", revisions, StringComparison.Ordinal);
    }
}
