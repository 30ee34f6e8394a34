using System.Net;
using System.Xml.Linq;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.PartnerSearch;

/// <summary>The list's filters and counts, its query-string state, the Atom feed, and valid HTML on every template.</summary>
public sealed class PartnerSearchListTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static int CountOf(AngleSharp.Dom.IDocument page, string facet, string value)
    {
        var input = page.QuerySelectorAll($"input[name={facet}]").FirstOrDefault(i => i.GetAttribute("value") == value);
        if (input is null)
        {
            return 0;
        }
        var label = page.QuerySelector($"label[for='{input.Id}'] .count")!.TextContent;
        return int.Parse(label.Trim('(', ')'), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Facets_count_the_directory_way_and_the_whole_search_is_in_the_query_string()
    {
        var word = "zirkon" + Guid.NewGuid().ToString("N")[..6];
        var member = await app.MemberWithPublishedProfileAsync("Facet Cluster");
        await member.PostPostingAsync($"Offer {word} one", "CooperationOffer", ("Form.Intents", "supplying"), ("Form.TargetCountries", "DE"));
        await member.PostPostingAsync($"Offer {word} two", "CooperationOffer", ("Form.Intents", "research"), ("Form.TargetCountries", "AT"));
        await member.PostPostingAsync($"Request {word} three", "CooperationRequest", ("Form.Intents", "research"), ("Form.TargetCountries", "DE"));

        var all = await app.GetDocumentAsync($"/partner-search?q={word}");
        Assert.Equal(3, all.QuerySelectorAll(".result").Length);
        Assert.Equal(2, CountOf(all, "kind", "offer"));
        Assert.Equal(1, CountOf(all, "kind", "request"));
        Assert.Equal(2, CountOf(all, "intent", "research"));

        // Within a facet values are alternatives (its counts ignore its own choice); across facets they narrow.
        var offers = await app.GetDocumentAsync($"/partner-search?q={word}&kind=offer");
        Assert.Equal(2, offers.QuerySelectorAll(".result").Length);
        Assert.Equal(1, CountOf(offers, "kind", "request"));
        Assert.Equal(1, CountOf(offers, "intent", "research"));
        Assert.Equal(1, CountOf(offers, "target", "DE"));
        Assert.NotNull(offers.QuerySelector("input[name=kind][value=offer][checked]"));

        var narrowed = await app.GetDocumentAsync($"/partner-search?q={word}&kind=offer&kind=request&target=DE");
        Assert.Equal(2, narrowed.QuerySelectorAll(".result").Length);
        var removeTarget = narrowed.QuerySelectorAll(".active-filters a").Single(a => a.GetAttribute("href")!.Contains("kind=request", StringComparison.Ordinal) && !a.GetAttribute("href")!.Contains("target", StringComparison.Ordinal));
        Assert.Equal($"/partner-search?q={word}&kind=offer&kind=request", removeTarget.GetAttribute("href"));

        // Accents and case do not matter; every word must match the start of a word.
        var folded = await app.GetDocumentAsync($"/partner-search?q={word.ToUpperInvariant()}+ŤHRE");
        Assert.Single(folded.QuerySelectorAll(".result"));

        var sorted = await app.GetDocumentAsync($"/partner-search?q={word}&sort=deadline&pageSize=1&page=2");
        Assert.Single(sorted.QuerySelectorAll(".result"));
        Assert.Contains(sorted.QuerySelectorAll(".pager a"), a => a.GetAttribute("href") == $"/partner-search?q={word}&page=3&pageSize=1&sort=deadline");

        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var beyond = await client.GetAsync(new Uri($"/partner-search?q={word}&page=9", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, beyond.StatusCode);
        using var bad = await client.GetAsync(new Uri("/partner-search?sort=cheapest&utm_source=x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'sort' must be one of relevance, newest, deadline", await ClusterAtlasFactory.MainTextAsync(bad), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("country=ZZ", "country", "'ZZ' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("target=rs", "target", "'rs' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("kind=bogus", "kind", "'bogus' is not a known kind value.")]
    [InlineData("intent=bogus", "intent", "'bogus' is not a known intent value.")]
    [InlineData("sector=abc", "sector", "'abc' is not a known sector value.")]
    [InlineData("technology=abc", "technology", "'abc' is not a known technology value.")]
    public async Task A_filter_value_that_cannot_be_right_answers_400_naming_its_parameter_with_a_way_back(string query, string parameter, string message)
    {
        using var client = app.CreateClient();
        using var bad = await client.GetAsync(new Uri("/partner-search?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await bad.Content.ReadAsStringAsync());
        var alert = page.QuerySelector("[role=alert]")!;
        Assert.Equal(parameter, alert.QuerySelector("li strong")!.TextContent);
        Assert.Contains(message, alert.TextContent, StringComparison.Ordinal);
        Assert.NotNull(alert.QuerySelector("a[href='/partner-search']"));
        Assert.NotNull(page.QuerySelector("form input[name=q]"));
        Assert.Null(page.QuerySelector("#result-count"));
    }

    [Fact]
    public async Task A_known_filter_value_no_open_posting_has_finds_nothing_without_an_error()
    {
        var sector = await app.WithDbAsync(db => db.Set<global::ClusterAtlas.Vocabularies.VocabularyTerm>()
            .Where(t => t.Vocabulary == global::ClusterAtlas.Vocabularies.Vocabulary.SectoralIndustries).Select(t => t.Label).FirstAsync());
        var page = await app.GetDocumentAsync("/partner-search?country=AQ&kind=event&intent=training&target=AQ&sector=" + Uri.EscapeDataString(sector));
        Assert.Null(page.QuerySelector("[role=alert]"));
        Assert.StartsWith("0 ", page.QuerySelector("#result-count")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_is_valid_atom_with_the_open_postings_and_the_list_links_it()
    {
        var member = await app.MemberWithPublishedProfileAsync("Feed Cluster");
        var open = await member.PostPostingAsync("Feed posting that stays open");
        var closed = await member.PostPostingAsync("Feed posting that closes");
        using var close = await PartnerSearchScenarios.PostAsync(member.Browser, $"/partner-search/{closed}/close", []);

        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/partner-search/feed.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // RFC 4287: a feed has exactly one id, title and updated; each entry too, and an alternate link or content.
        foreach (var element in new[] { feed }.Concat(feed.Elements(Atom + "entry")))
        {
            foreach (var required in new[] { "id", "title", "updated" })
            {
                Assert.Single(element.Elements(Atom + required));
            }
            Assert.True(Uri.IsWellFormedUriString(element.Element(Atom + "id")!.Value, UriKind.Absolute));
            Assert.True(DateTimeOffset.TryParse(element.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        }
        Assert.NotEmpty(feed.Elements(Atom + "author"));
        var links = feed.Elements(Atom + "entry").Select(e => e.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value).ToList();
        Assert.Contains($"http://localhost/partner-search/{open}", links);
        Assert.DoesNotContain($"http://localhost/partner-search/{closed}", links);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && l.Attribute("href")!.Value == "http://localhost/partner-search/feed.atom");

        var list = await app.GetDocumentAsync("/partner-search");
        Assert.NotNull(list.QuerySelector("head link[rel=alternate][type='application/atom+xml'][href='/partner-search/feed.atom']"));
    }

    [Fact]
    public async Task Every_partner_search_template_is_valid_html()
    {
        var author = await app.MemberWithPublishedProfileAsync("Valid Html Cluster");
        var id = await author.PostPostingAsync("Valid html posting", "CallInterest", ("Form.CallName", "A call"), ("Form.CallLink", "https://example.org/call"));
        var member = await app.MemberWithPublishedProfileAsync("Valid Html Interested Cluster");
        await app.AnotherPublishedProfileAsync(member, "Valid Html Second Cluster");
        using var comment = await PartnerSearchScenarios.PostAsync(member.Browser, $"/partner-search/{id}?handler=Comment", [new("CommentText", "A question")], tokenPage: $"/partner-search/{id}");
        var commentId = await app.WithDbAsync(db => Task.FromResult(db.Set<ClusterAtlas.PartnerSearch.PostingComment>().Single(c => c.PostingId == id).Id));
        using var moderator = await app.SignInAsStaffAsync(ClusterAtlas.Accounts.AccountRoles.Moderator);
        using var anonymous = app.CreateClient();
        var pages = new (HttpClient Browser, string Path)[]
        {
            (anonymous, "/partner-search"),
            (anonymous, "/partner-search?q=valid&kind=call&sort=deadline"),
            (anonymous, "/partner-search?q=nothingmatchesthis"),
            (anonymous, $"/partner-search/{id}"),
            (author.Browser, $"/partner-search/{id}"),
            (member.Browser, $"/partner-search/{id}"),
            (author.Browser, $"/cluster-organisations/{author.Slug}"),
            (author.Browser, $"/cluster-organisations/{author.Slug}/partner-search/new"),
            (author.Browser, $"/partner-search/{id}/edit"),
            (author.Browser, $"/partner-search/{id}/close"),
            (member.Browser, $"/partner-search/{id}/comments/{commentId}/edit"),
            (moderator, $"/partner-search/{id}/comments/{commentId}/remove"),
        };
        foreach (var (browser, path) in pages)
        {
            using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
            await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), path);
        }
        // A form sent back with its errors is a template too.
        using var invalid = await PartnerSearchScenarios.PostAsync(author.Browser, $"/cluster-organisations/{author.Slug}/partner-search/new", [new("Form.Title", "")]);
        await HtmlValidator.AssertValidAsync(await invalid.Content.ReadAsStringAsync(), "the posting form with errors");
    }
}
