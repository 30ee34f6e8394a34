using System.Net;
using System.Text;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Moderation;
using ClusterAtlas.Tests.PartnerSearch;

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

    [Fact]
    public async Task A_post_that_names_no_handler_the_page_has_is_405_and_runs_nothing()
    {
        var member = await app.MemberWithPublishedProfileAsync("Handler Name Cluster " + ModerationScenario.UniqueWord());
        var posting = await member.PostPostingAsync("Handlers by name");
        using var browser = app.CreateBrowser();
        // The posting's page has only named handlers (follow, interest, comment...); the sign-in page an unnamed one.
        foreach (var path in new[] { $"/partner-search/{posting}", $"/partner-search/{posting}?handler=nope", "/account/login?handler=nope" })
        {
            using var response = await ModerationScenario.PostWithTokenAsync(browser, "/account/login", path, new() { ["anything"] = "1" });
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"POST {path} answered {(int)response.StatusCode}");
        }
        using var follows = await ModerationScenario.PostWithTokenAsync(member.Browser, $"/partner-search/{posting}", $"/partner-search/{posting}?handler=follow", []);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, follows.StatusCode);
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

    [Theory]
    [MemberData(nameof(WebOfData.WebOfDataTests.PolledDocuments), MemberType = typeof(WebOfData.WebOfDataTests))]
    [InlineData("/robots.txt")]
    [InlineData("/statistics/country.csv")]
    [InlineData("/cluster-organisations/map/points.json")]
    [InlineData("/api/v1/cluster-organisations.geojson")]
    [InlineData("/openapi/v1.json")]
    public async Task What_answers_a_get_answers_a_head_with_the_same_headers(string path)
    {
        using var client = app.CreateClient();
        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        // (The body: Kestrel sends none for HEAD whatever the endpoint writes; the test server passes it on.)
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PROPFIND")]
    public async Task Any_method_to_an_address_with_no_page_is_the_404_page(string method)
    {
        using var client = app.CreateBrowser();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri("/no-such-page", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("POST", ProfilePath)]
    [InlineData("PUT", "/cluster-organisations")]
    public async Task A_method_a_page_has_no_handler_for_is_405_even_without_a_form_token(string method, string path)
    {
        using var client = app.CreateBrowser();
        using var content = new FormUrlEncodedContent([new("anything", "1")]);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = content });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("This page cannot be sent to", page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("/errors/404", HttpStatusCode.NotFound)]
    [InlineData("/errors/429", HttpStatusCode.TooManyRequests)]
    [InlineData("/errors/999", HttpStatusCode.NotFound)]
    public async Task An_error_page_asked_for_by_its_address_answers_with_its_status(string path, HttpStatusCode expected)
    {
        using var client = app.CreateBrowser();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Pages_tell_caches_they_depend_on_the_language_and_what_is_the_same_for_everyone_does_not()
    {
        using var client = app.CreateClient();
        using var page = await client.GetAsync(new Uri("/cluster-organisations?q=metal", UriKind.Relative));
        using var again = await client.GetAsync(new Uri("/cluster-organisations?q=metal", UriKind.Relative));
        using var asset = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/v1/cluster-organisations?q=metal", UriKind.Relative));

        // The second answer came from the output cache: the header is there once, as on the first.
        foreach (var response in new[] { page, again })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var vary = string.Join(", ", response.Headers.Vary);
            Assert.Contains("Accept-Language", vary, StringComparison.Ordinal);
            Assert.Contains("Cookie", vary, StringComparison.Ordinal);
            Assert.Single(response.Headers.Vary, v => v == "Accept-Language");
        }
        // Other answers in the reader's language say so too; those that are the same for everyone do not.
        using var csv = await client.GetAsync(new Uri("/statistics/country.csv", UriKind.Relative));
        Assert.Contains("Accept-Language", csv.Headers.Vary);
        using var sitemap = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        foreach (var same in new[] { asset, api, sitemap })
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.DoesNotContain("Accept-Language", same.Headers.Vary);
        }
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
