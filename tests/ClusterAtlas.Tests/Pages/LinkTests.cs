using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Moderation;
using ClusterAtlas.Tests.Profiles;

namespace ClusterAtlas.Tests.Pages;

/// <summary>
/// Every link a visitor meets on the public pages, in the states a search leaves them in (searched, filtered, sorted,
/// paged), leads somewhere: a "Clear all filters" link printed a record's text into its address from the day it was
/// made, and no test that read the page looked at its links.
/// </summary>
public sealed class LinkTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    /// <summary>The pages whose links are followed (one step from each, not further: the crawl stays bounded).</summary>
    private static readonly string[] StartPages =
    [
        "/",
        "/cluster-organisations",
        "/cluster-organisations?q=metal&country=RS&sector=metalworking-technology&sort=name",
        "/cluster-organisations?country=RS&country=DE&members=21-50&page=2",
        "/cluster-organisations?q=zzzzqqq",
        "/cluster-organisations/vojvodina-metal-cluster",
        "/cluster-organisations/vojvodina-metal-cluster/print",
        "/cluster-organisations/map?country=RS",
        "/statistics",
        "/network",
        "/partner-search",
        "/news",
        "/events",
        "/calls",
    ];

    [Fact]
    public async Task Every_link_on_the_public_pages_answers()
    {
        using var client = app.CreateClient();
        var followed = await AssertLinksAnswerAsync(client, StartPages);
        // The crawl did reach the directory's filtered states and the profiles (not only the header and footer).
        Assert.Contains(followed, t => t.StartsWith("/cluster-organisations?", StringComparison.Ordinal) && t.Contains("country=", StringComparison.Ordinal));
        Assert.Contains(followed, t => t.StartsWith("/cluster-organisations/", StringComparison.Ordinal));
        Assert.True(followed.Count > 80, $"only {followed.Count} links followed");
    }

    [Fact]
    public async Task Every_link_on_the_pages_of_a_signed_in_administrator_answers()
    {
        using var admin = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        var slug = await ProfileScenarios.RegisterProfileAsync(admin, "Link Test Cluster " + ModerationScenario.UniqueWord());
        var followed = await AssertLinksAnswerAsync(admin,
        [
            "/account", $"/cluster-organisations/{slug}", $"/cluster-organisations/{slug}/edit/general", $"/cluster-organisations/{slug}/revisions",
            "/moderation", "/moderation/audit", "/admin/users", "/admin/vocabularies",
        ]);
        Assert.True(followed.Count > 40, $"only {followed.Count} links followed");
    }

    /// <summary>
    /// Follows every link of each page once and fails naming those that do not answer (200, or for a client that does
    /// not follow redirects, a signed-in browser, a redirect too) and the pages without a title of their own. Returns the
    /// targets followed.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> AssertLinksAnswerAsync(HttpClient client, IEnumerable<string> pages)
    {
        var checkedTargets = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        var broken = new List<string>();
        static bool Answers(HttpStatusCode status) => status is HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.SeeOther;
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            if (new Uri("http://localhost" + page).AbsolutePath != "/" && TitleOf(html) is var pageTitle && !pageTitle.EndsWith(" · ClusterAtlas", StringComparison.Ordinal))
            {
                broken.Add($"{page}: the title is \"{pageTitle}\"");
            }
            var document = await BrowsingContext.New(Configuration.Default)
                .OpenAsync(request => request.Content(html).Address("http://localhost" + page));
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Distinct(StringComparer.Ordinal))
            {
                if (InternalTarget(href, page) is not { } target)
                {
                    continue;
                }
                if (!checkedTargets.TryGetValue(target, out var status))
                {
                    using var followed = await client.GetAsync(new Uri(target, UriKind.Relative));
                    checkedTargets[target] = status = followed.StatusCode;
                    // A page's own title in the browser's tab, history and bookmarks, not the site's name alone.
                    if (status == HttpStatusCode.OK && followed.Content.Headers.ContentType?.MediaType == "text/html"
                        && (followed.RequestMessage?.RequestUri ?? new Uri("http://localhost" + target)).AbsolutePath != "/"
                        && TitleOf(await followed.Content.ReadAsStringAsync()) is var title && !title.EndsWith(" · ClusterAtlas", StringComparison.Ordinal))
                    {
                        broken.Add($"{target}: the title is \"{title}\"");
                    }
                }
                if (!Answers(status))
                {
                    broken.Add($"{page}: <a href=\"{href}\"> answered {(int)status}");
                }
            }
        }
        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n{string.Join('\n', broken)}");
        return checkedTargets.Keys;
    }

    private static string TitleOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<title>(.*?)</title>", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim())
            : "(none)";

    /// <summary>The link's path and query on this site, or null for another site, mail, a fragment of the same page.</summary>
    private static string? InternalTarget(string href, string page)
    {
        if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("tel:", StringComparison.Ordinal))
        {
            return null;
        }
        if (!Uri.TryCreate(new Uri("http://localhost" + page), href, out var target) || target.Host != "localhost")
        {
            return href.StartsWith("http", StringComparison.Ordinal) ? null : href;
        }
        return target.PathAndQuery;
    }
}
