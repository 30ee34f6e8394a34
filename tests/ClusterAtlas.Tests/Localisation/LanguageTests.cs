using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Net;
using ClusterAtlas.Localisation;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClusterAtlas.Tests.Localisation;

/// <summary>The UI language: the visitor's choice in the culture cookie, else Accept-Language, else English.</summary>
public sealed class LanguageTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData(null, "en")]
    [InlineData("sr-Latn-RS,sr;q=0.9,en;q=0.8", "sr-Latn")]
    [InlineData("sr", "sr-Latn")]
    [InlineData("de-AT,de;q=0.9", "de")]
    [InlineData("fr-FR,fr;q=0.9", "en")]
    [InlineData("fr;q=1, de;q=0.5", "de")]
    public async Task Accept_language_chooses_the_page_language(string? acceptLanguage, string lang)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        using var response = await client.SendAsync(request);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Excellence_labels_in_the_directory_filters_are_in_the_page_language()
    {
        using var client = Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sr-Latn");
        var page = await ClusterAtlasFactory.ParseAsync(await client.GetStringAsync(new Uri("/cluster-organisations?label=bronze", UriKind.Relative)));
        var labels = page.QuerySelectorAll("label > input[name=label]").Select(i => i.ParentElement!.TextContent).ToList();
        Assert.Contains(labels, l => l.StartsWith("Bronzana oznaka", StringComparison.Ordinal));
        Assert.Contains("Bronzana oznaka", page.QuerySelector(".active-filters")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_sets_the_culture_cookie_and_comes_back_to_the_page()
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri("/language?culture=sr-Latn&returnUrl=%2Fcluster-organisations%3Fq%3Dmetal", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cluster-organisations?q=metal", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dsr-Latn%7Cuic%3Dsr-Latn", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_cookie_wins_over_accept_language()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cluster-organisations");
        request.Headers.TryAddWithoutValidation("Accept-Language", "de");
        request.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=c%3Dsr-Latn%7Cuic%3Dsr-Latn");
        using var response = await client.SendAsync(request);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("sr-Latn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Klasterske organizacije", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("~/x")]
    [InlineData("javascript:alert(1)")]
    public async Task Switching_never_redirects_off_the_site(string returnUrl)
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri($"/language?culture=de&returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("sr-Latn")]
    public async Task Alphabetical_vocabularies_are_listed_in_the_readers_alphabet(string culture)
    {
        using var client = Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var page = await ClusterAtlasFactory.ParseAsync(await client.GetStringAsync(new Uri("/newsletter", UriKind.Relative)));
        var sectors = page.QuerySelectorAll("#Sectors label").Select(l => l.TextContent.Trim()).ToList();
        Assert.True(sectors.Count > 10, $"{sectors.Count} sectors");
        var byName = StringComparer.Create(new System.Globalization.CultureInfo(culture), ignoreCase: true);
        Assert.Equal(sectors.Order(byName), sectors);

        // A tree (technology fields): each level in the reader's alphabet, narrower terms still under their broader one.
        var technology = await app.WithDbAsync(db => db.VocabularyTerms.Where(t => t.Vocabulary == ClusterAtlas.Vocabularies.Vocabulary.TechnologyFields).ToListAsync());
        var byId = technology.ToDictionary(t => t.Id);
        int DepthOf(ClusterAtlas.Vocabularies.VocabularyTerm t) => t.ParentId is { } parent && byId.TryGetValue(parent, out var up) ? 1 + DepthOf(up) : 0;
        var shipped = technology.OrderBy(t => t.SortOrder).Select(t => (t, DepthOf(t))).ToList();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        try
        {
            var labels = app.Services.GetRequiredService<ClusterAtlas.Localisation.DataLabels>();
            var ordered = labels.InReadingOrder(shipped);
            Assert.Equal(shipped.Count, ordered.Count);
            var position = ordered.Select((c, i) => (c.Term.Id, i)).ToDictionary(p => p.Id, p => p.i);
            Assert.All(ordered.Where(c => c.Depth > 0), c => Assert.True(position[c.Term.ParentId!.Value] < position[c.Term.Id], $"{c.Term.Label} before its broader term"));
            var roots = ordered.Where(c => c.Depth == 0).Select(c => labels.Term(c.Term)).ToList();
            Assert.Equal(roots.Order(byName), roots);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task An_unknown_language_is_refused()
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri("/language?culture=xx&returnUrl=%2F", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("The parameter culture names no language of this platform: use one of en, sr-Latn, de.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sr", "sr-Latn")]
    [InlineData("sr-RS", "sr-Latn")]
    [InlineData("de-DE", "de")]
    [InlineData("EN-gb", "en")]
    public async Task A_language_named_as_people_write_it_is_the_platforms_one(string asked, string chosen)
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri($"/language?culture={asked}&returnUrl=%2F", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"c={chosen}|uic={chosen}", Uri.UnescapeDataString(string.Join(";", response.Headers.GetValues("Set-Cookie"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switcher_links_keep_the_page_and_mark_the_current_language()
    {
        var page = await app.GetDocumentAsync("/cluster-organisations/vojvodina-metal-cluster");
        var links = page.QuerySelectorAll(".language-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Languages.Supported.Count - 1, links.Count);
        Assert.Contains("/language?culture=sr-Latn&returnUrl=%2Fcluster-organisations%2Fvojvodina-metal-cluster", links);
        Assert.Equal("English", page.QuerySelector(".language-nav [aria-current]")?.TextContent);
    }
}
