using System.Net;
using AngleSharp.Dom;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Moderation;
using ClusterAtlas.Tests.Profiles;
using Microsoft.Extensions.Logging;

namespace ClusterAtlas.Tests.Pages;

/// <summary>
/// The pages a public platform must have: who runs it (from ClusterAtlas:Operator, never made up), the privacy
/// policy, the terms, the imprint, and the open-data licence of profile data, stated once on every page: in the footer,
/// or with the content of the profile, print and terms pages.
/// </summary>
public sealed class PlatformPagesTests(UnconfiguredInstallationFactory app, ConfiguredInstallationFactory configured)
    : IClassFixture<UnconfiguredInstallationFactory>, IClassFixture<ConfiguredInstallationFactory>
{
    private const string Profile = "/cluster-organisations/vojvodina-metal-cluster";
    private const string MissingOperator = "The operator of this installation has not filled this in yet";

    [Fact]
    public async Task Every_page_template_has_the_footer_with_the_legal_pages_and_states_the_data_licence_once()
    {
        var visitorPages = new[]
        {
            "/", "/cluster-organisations", "/cluster-organisations?q=zzzzqqq", Profile, Profile + "/print",
            "/cluster-organisations/no-such-cluster", "/errors/500", "/errors/429", "/privacy", "/terms", "/imprint",
            "/account/login", "/account/register", "/account/forgot-password", "/account/deleted",
        };
        using (var visitor = app.CreateBrowser())
        {
            foreach (var url in visitorPages)
            {
                await AssertFooterAsync(visitor, url);
            }
        }

        // Signed-in pages: an administrator sees the account, editing, moderation and admin templates.
        using var admin = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        var slug = await ProfileScenarios.RegisterProfileAsync(admin, "Footer Test Cluster " + ModerationScenario.UniqueWord());
        var submitted = await app.SubmittedProfileAsync("Footer Review Cluster " + ModerationScenario.UniqueWord());
        var signedInPages = new[]
        {
            "/account", "/account/two-factor", "/account/personal-data", "/account/delete", "/account/access-denied",
            "/cluster-organisations/register", $"/cluster-organisations/{slug}/edit/general", $"/cluster-organisations/{slug}/colleagues",
            $"/cluster-organisations/{slug}/revisions", $"/cluster-organisations/{slug}/submit", $"/cluster-organisations/{slug}/print",
            "/moderation", "/moderation/edits", "/moderation/audit", $"/moderation/profiles/{submitted.Id}", "/admin/users",
        };
        foreach (var url in signedInPages)
        {
            await AssertFooterAsync(admin, url);
        }
        // The one page a member still without two-factor authentication sees on the way.
        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        await AssertFooterAsync(member, "/account/two-factor/setup");
    }

    [Theory]
    [InlineData("/privacy")]
    [InlineData("/terms")]
    [InlineData("/imprint")]
    public async Task Without_an_operator_the_legal_pages_say_plainly_that_it_is_not_filled_in(string url)
    {
        var page = await app.GetDocumentAsync(url);
        var main = page.QuerySelector("main")!;
        Assert.Contains(MissingOperator, main.TextContent, StringComparison.Ordinal);
        Assert.Null(main.QuerySelector("address"));
        Assert.Empty(main.QuerySelectorAll("a[href^='mailto:']"));
        await HtmlValidator.AssertValidAsync(page.DocumentElement.OuterHtml, url);
    }

    [Theory]
    [InlineData("/privacy")]
    [InlineData("/terms")]
    [InlineData("/imprint")]
    public async Task The_configured_operator_is_named_with_address_e_mail_and_phone(string url)
    {
        using var client = configured.CreateClient();
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var page = await ClusterAtlasFactory.ParseAsync(html);
        var operatorBlock = page.QuerySelector("main address.operator")!;
        Assert.Equal(ConfiguredInstallationFactory.OperatorName, operatorBlock.QuerySelector(".operator-name")?.TextContent);
        Assert.Contains("Bulevar oslobođenja 1", operatorBlock.TextContent, StringComparison.Ordinal);
        Assert.Contains("21000 Novi Sad", operatorBlock.TextContent, StringComparison.Ordinal);
        Assert.Equal("mailto:" + ConfiguredInstallationFactory.OperatorEmail, operatorBlock.QuerySelector("a[href^='mailto:']")?.GetAttribute("href"));
        Assert.Equal("tel:+381211234567", operatorBlock.QuerySelector("a[href^='tel:']")?.GetAttribute("href"));
        Assert.Equal(ConfiguredInstallationFactory.OperatorPhone, operatorBlock.QuerySelector("a[href^='tel:']")?.TextContent);
        Assert.DoesNotContain(MissingOperator, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await HtmlValidator.AssertValidAsync(html, url + " (operator configured)");
    }

    [Fact]
    public async Task The_privacy_policy_covers_the_people_named_in_profiles_and_how_they_ask_for_removal()
    {
        var page = await app.GetDocumentAsync("/privacy");
        var headings = page.QuerySelectorAll("main h2, main h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Who is responsible", headings);
        Assert.Contains("People named in profiles", headings);
        Assert.Contains("Having your name or contact details removed", headings);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("shown to everyone, to signed-in members only, or to nobody", text, StringComparison.Ordinal);
        Assert.Contains("within one month at the latest", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_legal_pages_are_in_the_visitors_language()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/imprint", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("de");
        using var response = await client.SendAsync(request);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Impressum und Kontakt", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Der Betreiber dieser Installation hat diese Angaben noch nicht ausgefüllt", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Profildaten:", page.QuerySelector("footer .data-licence")?.FirstChild?.TextContent.Trim());
    }

    [Theory]
    [InlineData(Profile)]
    [InlineData(Profile + "/print")]
    [InlineData("/terms")]
    public async Task Profile_print_and_terms_pages_state_the_licence_of_the_profile_data_with_their_content_and_once(string url)
    {
        var page = await app.GetDocumentAsync(url);
        var licence = page.QuerySelector("main .data-licence")!;
        Assert.Equal("Profile data: CC BY 4.0", Collapse(licence.TextContent));
        // With the content it is printed (the footer is not) and read beside the source; the footer does not repeat it.
        Assert.Single(page.QuerySelectorAll(".data-licence"));
        Assert.Null(page.QuerySelector("footer .data-licence"));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", licence.QuerySelector("a[rel='license']")?.GetAttribute("href"));

        using var client = configured.CreateClient();
        var configuredPage = await ClusterAtlasFactory.ParseAsync(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        var configuredLicence = configuredPage.QuerySelector("main .data-licence")!;
        Assert.Equal($"Profile data: {ConfiguredInstallationFactory.LicenceName}", Collapse(configuredLicence.TextContent));
        Assert.Equal(ConfiguredInstallationFactory.LicenceUrl, configuredLicence.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Start_up_warns_in_production_when_the_operator_is_not_configured()
    {
        // The hosts start with the fixtures; both run in the Production environment.
        _ = app.Services;
        _ = configured.Services;
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("operator of this installation is not configured", StringComparison.Ordinal));
        Assert.DoesNotContain(configured.Logs.Entries, e => e.Message.Contains("operator of this installation is not configured", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ClusterAtlas:Operator:Email", "contact at example")]
    [InlineData("ClusterAtlas:DataLicence:Url", "creativecommons.org/licenses/by/4.0")]
    [InlineData("ClusterAtlas:DataLicence:Name", " ")]
    [InlineData("ClusterAtlas:Accounts:AuthenticatorIssuer", "Clusters: Serbia")]
    public async Task A_wrong_setting_stops_the_start_with_its_name(string setting, string value)
    {
        await using var misconfigured = new MisconfiguredInstallationFactory(setting, value);
        var error = Assert.ThrowsAny<Exception>(() => misconfigured.Services);
        Assert.Contains(setting, error.ToString(), StringComparison.Ordinal);
    }

    private static async Task AssertFooterAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.Forbidden,
            $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        var footer = page.QuerySelector("body > footer.site-footer");
        Assert.True(footer is not null, $"{url} has no footer");
        var links = footer.QuerySelectorAll("nav a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent.Trim())).ToList();
        Assert.Equal([("/imprint", "Imprint and contact"), ("/privacy", "Privacy policy"), ("/terms", "Terms of use"), ("/newsletter", "Newsletter"), ("/api/docs/", "API reference")], links);
        var licences = page.QuerySelectorAll(".data-licence a[rel='license']");
        Assert.True(licences.Length == 1, $"{url}: the data licence stated {licences.Length} times");
        Assert.Equal("CC BY 4.0", licences[0].TextContent);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
