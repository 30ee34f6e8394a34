using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using ClusterAtlas.Accounts;
using ClusterAtlas.News;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;

namespace ClusterAtlas.Tests.News;

/// <summary>What the news pages show and refuse: the form's checks, Markdown without HTML, the image, the list's filters, the feed, tags and the home page.</summary>
public sealed class NewsPagesTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<(Member Member, HttpClient Moderator)> TeamAsync(string profileName) =>
        (await app.MemberWithPublishedProfileAsync(profileName), await app.SignInAsStaffAsync(AccountRoles.Moderator));

    private async Task<string> PublishedNewsAsync(Member member, HttpClient moderator, string title, params (string Name, string Value)[] extra)
    {
        var slug = await member.SubmitNewsAsync(title, extra);
        (await NewsScenarios.DecideAsync(moderator, slug, "Publish")).Dispose();
        Assert.Equal(NewsStatus.Published, (await app.NewsAsync(slug)).Status);
        return slug;
    }

    [Fact]
    public async Task The_form_names_each_wrong_field_and_stores_nothing()
    {
        var member = await app.MemberWithPublishedProfileAsync("Checked News Cluster");
        var before = await app.NewsSnapshotAsync();
        using var response = await NewsScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/news/new?handler=Submit",
            NewsScenarios.Fields("", ("Form.Summary", ""), ("Form.RelatedProfiles", "No Such Cluster Anywhere"), ("Form.Tags", string.Join(",", Enumerable.Range(1, 12).Select(i => $"tag{i}")))),
            image: NewsScenarios.Png);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        Assert.Equal("Title is required.", errors["Form.Title"]);
        Assert.Equal("Summary is required.", errors["Form.Summary"]);
        Assert.Contains("No Such Cluster Anywhere", errors["Form.RelatedProfiles"], StringComparison.Ordinal);
        Assert.Contains("At most 10 tags", errors["Form.Tags"], StringComparison.Ordinal);
        // An image needs its text alternative.
        Assert.True(errors.ContainsKey("Form.ImageAlt"));

        using var notAnImage = await NewsScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/news/new?handler=Submit",
            NewsScenarios.Fields("Not an image", ("Form.ImageAlt", "A picture")), image: "<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notAnImage.StatusCode);
        Assert.Contains("PNG, JPEG, WebP or SVG", (await ClusterAtlasFactory.FieldErrorsAsync(notAnImage))["Image"], StringComparison.Ordinal);

        // A page pasted into the related cluster organisations: refused before any line is looked up, and not repeated whole.
        foreach (var pasted in new[] { string.Join("\n", Enumerable.Range(1, 21).Select(i => $"cluster-{i}")), new string('x', 5_200) })
        {
            using var tooMuch = await NewsScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/news/new?handler=Submit",
                NewsScenarios.Fields("Too many related", ("Form.RelatedProfiles", pasted)));
            Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
            var said = (await ClusterAtlasFactory.FieldErrorsAsync(tooMuch))["Form.RelatedProfiles"];
            Assert.True(said.Length < 200, said);
            Assert.Contains(pasted.Length > 1_000 ? "…" : "At most 20 related cluster organisations.", said, StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.NewsSnapshotAsync());
    }

    [Fact]
    public async Task Enter_in_a_field_saves_a_draft_rather_than_submitting_for_review()
    {
        var member = await app.MemberWithPublishedProfileAsync("Enter Key News Cluster");
        var form = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri($"/cluster-organisations/{member.Slug}/news/new", UriKind.Relative)));
        // A browser submits with the form's first submit button when Enter is pressed in a text field.
        var buttons = form.QuerySelectorAll("main form[method=post] button[type=submit]");
        Assert.Null(buttons[0].GetAttribute("formaction"));
        Assert.Equal("Save as draft", buttons[0].TextContent.Trim());
        Assert.Equal("?handler=Submit", buttons[1].GetAttribute("formaction"));
        Assert.Equal("Submit for review", buttons[1].TextContent.Trim());
    }

    [Fact]
    public async Task Markdown_is_shown_without_raw_html_and_links_only_under_the_link_policy()
    {
        var (member, moderator) = await TeamAsync("Markdown News Cluster");
        using var _ = moderator;
        var slug = await PublishedNewsAsync(member, moderator, "Markdown news",
            ("Form.Body", "**Bold** <script>alert('x')</script> <img src=x onerror=alert(1)> [bad](javascript:alert(1)) [good](https://example.org/good)"));
        var page = await app.GetDocumentAsync($"/news/{slug}");
        var body = page.QuerySelector(".news-body")!;
        Assert.NotNull(body.QuerySelector("strong"));
        Assert.Empty(body.QuerySelectorAll("script, img"));
        Assert.Empty(body.QuerySelectorAll("a[href^='javascript']"));
        Assert.NotNull(body.QuerySelector("a[href='https://example.org/good']"));
        Assert.Contains("<script>", body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_image_is_served_by_its_hash_with_its_description_and_in_the_link_preview()
    {
        var (member, moderator) = await TeamAsync("Picture News Cluster");
        using var _ = moderator;
        var slug = await member.SubmitNewsAsync("Picture news");
        using (var withImage = await NewsScenarios.PostAsync(member.Browser, $"/news/{slug}/edit?handler=Submit",
            NewsScenarios.Fields("Picture news", ("Form.ImageAlt", "The new pilot line")), image: NewsScenarios.Png))
        {
            Assert.Equal(HttpStatusCode.Redirect, withImage.StatusCode);
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(NewsScenarios.Png));
        Assert.Equal(sha, (await app.NewsAsync(slug)).ImageSha256);
        using var anonymous = app.CreateBrowser();
        // Not public before it is published.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/news/{slug}/image/{sha}", UriKind.Relative))).StatusCode);
        (await NewsScenarios.DecideAsync(moderator, slug, "Publish")).Dispose();
        using var image = await anonymous.GetAsync(new Uri($"/news/{slug}/image/{sha}", UriKind.Relative));
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(NewsScenarios.Png, await image.Content.ReadAsByteArrayAsync());
        var page = await app.GetDocumentAsync($"/news/{slug}");
        Assert.Equal("The new pilot line", page.QuerySelector($"img.news-image[src='/news/{slug}/image/{sha}']")!.GetAttribute("alt"));
        Assert.Equal($"http://localhost/news/{slug}/image/{sha}", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task The_list_filters_by_words_tag_and_profile_in_the_query_string()
    {
        var (member, moderator) = await TeamAsync("Filter News Cluster");
        using var _ = moderator;
        var other = await app.MemberWithPublishedProfileAsync("Other Filter Cluster");
        var word = "Zebrafish" + Guid.NewGuid().ToString("N")[..6];
        var first = await PublishedNewsAsync(member, moderator, $"{word} research news", ("Form.Tags", "Aquaculture Lab"));
        var second = await PublishedNewsAsync(other, moderator, "Other cluster news about boats", ("Form.Tags", "aquaculture-lab"));

        string[] Found(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("main .news-list h3 a").Select(a => a.GetAttribute("href")!)];
        Assert.Equal([$"/news/{first}"], Found(await app.GetDocumentAsync($"/news?q={word.ToUpperInvariant()}")));
        var tagged = Found(await app.GetDocumentAsync("/news?tag=aquaculture-lab"));
        Assert.Equal([$"/news/{second}", $"/news/{first}"], tagged);
        Assert.Equal([$"/news/{second}"], Found(await app.GetDocumentAsync($"/news?profile={other.Slug}&tag=aquaculture-lab")));
        var none = await app.GetDocumentAsync("/news?q=nothing-matches-this-zzzz");
        Assert.Empty(Found(none));

        // A page past the last is the last, at its own address, the filters kept; a page that is no page is reported.
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using (var past = await client.GetAsync(new Uri("/news?tag=aquaculture-lab&page=40", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, past.StatusCode);
            Assert.Equal("/news?tag=aquaculture-lab&page=1", past.Headers.Location?.OriginalString);
        }
        foreach (var page in new[] { "0", "two", "-1" })
        {
            using var wrong = await client.GetAsync(new Uri($"/news?page={page}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var html = await wrong.Content.ReadAsStringAsync();
            await HtmlValidator.AssertValidAsync(html, $"/news?page={page}");
            var document = await ClusterAtlasFactory.ParseAsync(html);
            Assert.Matches($"^page: 'page' must be a whole number from 1 to \\d+; got '{page}'\\.$", document.QuerySelector(".alert-error li")!.TextContent.Trim());
            Assert.Empty(Found(document));
        }
    }

    [Fact]
    public async Task The_feed_is_valid_atom_with_the_published_news_only()
    {
        var (member, moderator) = await TeamAsync("Feed News Cluster");
        using var _ = moderator;
        var published = await PublishedNewsAsync(member, moderator, "Feed news that is published");
        var waiting = await member.SubmitNewsAsync("Feed news that waits");
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/news/feed.atom", UriKind.Relative));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var element in new[] { feed }.Concat(feed.Elements(Atom + "entry")))
        {
            foreach (var required in new[] { "id", "title", "updated" })
            {
                Assert.Single(element.Elements(Atom + required));
            }
            Assert.True(Uri.IsWellFormedUriString(element.Element(Atom + "id")!.Value, UriKind.Absolute));
        }
        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == $"tag:clusteratlas,2026:news/{published}");
        Assert.Equal($"http://localhost/news/{published}", entry.Elements(Atom + "link").Single().Attribute("href")!.Value);
        Assert.Equal("Feed News Cluster", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(entry.Elements(Atom + "category"), c => c.Attribute("term")!.Value == "green-deal");
        Assert.Contains("<strong>", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(feed.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value.EndsWith(waiting, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tag_page_gathers_the_tagged_items_and_answers_404_for_an_unknown_tag()
    {
        var (member, moderator) = await TeamAsync("Tag News Cluster");
        using var _ = moderator;
        var slug = await PublishedNewsAsync(member, moderator, "Tagged news item", ("Form.Tags", "Quantum Sensors"));
        var page = await app.GetDocumentAsync("/tags/quantum-sensors");
        Assert.Equal("Tagged “quantum sensors”", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main section a[href='/news/{slug}']"));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var spelled = await client.GetAsync(new Uri("/tags/Quantum%20Sensors", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, spelled.StatusCode);
        Assert.Equal("/tags/quantum-sensors", spelled.Headers.Location!.OriginalString);
        using var unknown = await client.GetAsync(new Uri("/tags/no-such-tag-anywhere", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_home_page_shows_the_latest_news_with_a_link_to_all()
    {
        var (member, moderator) = await TeamAsync("Home News Cluster");
        using var _ = moderator;
        var slug = await PublishedNewsAsync(member, moderator, "Home page news item");
        var home = await app.GetDocumentAsync("/");
        var block = home.QuerySelector("section.whats-new")!;
        Assert.Equal("News", block.QuerySelector("h3")!.TextContent);
        Assert.NotNull(block.QuerySelector($"a[href='/news/{slug}']"));
        Assert.NotNull(block.QuerySelector("a[href='/news']"));
        // The latest profiles stay the page's own list: no "profiles" section in the block.
        Assert.DoesNotContain(block.QuerySelectorAll("h3"), h => h.TextContent == "Profiles");
    }
}
