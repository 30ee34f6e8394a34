using System.Net;
using System.Text;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Moderation;

namespace ClusterAtlas.Tests.Pages;

/// <summary>
/// What a careless client or an attacker sends gets a 4xx page, never a 500: forms the framework cannot parse, posts to
/// pages that only read, and addresses with non-ASCII characters that end up in a Location header.
/// </summary>
public sealed class MalformedRequestTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string ProfilePath = "/cluster-organisations/vojvodina-metal-cluster";

    public static TheoryData<string, string> MalformedForms() => new()
    {
        { "/", "nul" }, { "/", "fields" }, { "/", "huge" },
        { "/account/login", "nul" }, { "/account/login", "fields" },
        { ProfilePath, "nul" }, { "/cluster-organisations", "huge" }, { "/moderation", "fields" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task A_form_the_framework_cannot_parse_gets_the_400_page(string path, string kind)
    {
        var body = kind switch
        {
            "nul" => "name=a%00b",
            "fields" => string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")),
            _ => "value=" + new string('x', 4 * 1024 * 1024 + 10),
        };
        using var client = app.CreateBrowser();
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The request could not be read", page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(ProfilePath)]
    [InlineData(ProfilePath + "/print")]
    [InlineData("/cluster-organisations")]
    public async Task A_post_with_a_valid_token_to_a_page_that_only_reads_is_405(string path)
    {
        using var browser = app.CreateBrowser();
        using var response = await ModerationScenario.PostWithTokenAsync(browser, "/account/login", path, new() { ["anything"] = "1" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("This page cannot be sent to", page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("/moderation")]
    [InlineData("/moderation/audit")]
    public async Task Staff_posting_to_a_moderation_page_that_only_reads_get_405(string path)
    {
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        using var response = await ModerationScenario.PostWithTokenAsync(moderator, path, path, new() { ["anything"] = "1" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task The_language_switch_goes_back_to_an_address_with_non_ascii_characters()
    {
        using var browser = app.CreateBrowser();
        using var notFound = await browser.GetAsync(new Uri("/cluster-organisations/%C4%87ao", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await notFound.Content.ReadAsStringAsync());
        var switchLink = page.QuerySelectorAll("a[href^='/language']").First(a => a.GetAttribute("href")!.Contains("culture=de", StringComparison.Ordinal));

        using var switched = await browser.GetAsync(new Uri(switchLink.GetAttribute("href")!, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/cluster-organisations/%C4%87ao", switched.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/cluster-organisations/ćao?x=ü", "/cluster-organisations/%C4%87ao?x=%C3%BC")]
    [InlineData("/plain?a=b", "/plain?a=b")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("~/x", "/")]
    public void Return_addresses_stay_on_this_site_in_ascii(string returnUrl, string expected) =>
        Assert.Equal(expected, ClusterAtlas.Pages.LocalReturnUrl.Normalise(returnUrl));
}
