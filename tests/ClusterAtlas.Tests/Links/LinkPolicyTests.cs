using ClusterAtlas.ImportExport;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Tests.Links;

/// <summary>One URL policy for every stored or rendered link: Markdown (inline links and autolinks), imports, forms.</summary>
public sealed class LinkPolicyTests
{
    private static readonly EccpProfilePageParser Parser = new(CountryList.Load());

    [Theory]
    [InlineData("https://www.example.org/path?q=1", true)]
    [InlineData("http://example.org", true)]
    [InlineData("mailto:info@example.org", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("vbscript:msgbox", false)]
    [InlineData("/relative/path", false)]
    [InlineData("https://localhost", false)]
    [InlineData("https://exa mple.org", false)]
    [InlineData("https://example.org/\u0000", false)]
    [InlineData("mailto:", false)]
    [InlineData("", false)]
    public void Only_absolute_web_and_mail_links_are_allowed(string url, bool allowed) =>
        Assert.Equal(allowed, LinkPolicy.IsAllowed(url));

    [Fact]
    public void Links_are_length_limited() =>
        Assert.False(LinkPolicy.IsAllowed("https://example.org/" + new string('a', LinkPolicy.MaxLength)));

    [Theory]
    [InlineData("www.example.org", "https://www.example.org")]
    [InlineData("  https://example.org/x  ", "https://example.org/x")]
    [InlineData("javascript:alert(1)//http://example.org", null)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", null)]
    [InlineData("not a link", null)]
    public void Web_addresses_are_stored_with_their_scheme_or_not_at_all(string raw, string? stored) =>
        Assert.Equal(stored, LinkPolicy.NormaliseWebAddress(raw));

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(document.cookie)>")]
    [InlineData("<data:text/html,hi>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](data:text/html,hi)")]
    [InlineData("[x](/relative)")]
    [InlineData("[x]: javascript:alert(1)\n\n[x]")]
    public void Markdown_renders_refused_links_as_text(string markdown)
    {
        // The words may stay as text; what must not be there is a link that goes anywhere.
        var html = ProfileView.Markdown(markdown).ToString()!;
        Assert.DoesNotMatch("href=\"(?!\")", html);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<https://example.org>", "href=\"https://example.org\"")]
    [InlineData("<info@example.org>", "href=\"mailto:info@example.org\"")]
    [InlineData("[site](https://example.org)", "href=\"https://example.org\"")]
    [InlineData("www.example.org", "href=\"http://www.example.org\"")]
    public void Markdown_keeps_web_and_mail_links(string markdown, string expected) =>
        Assert.Contains(expected, ProfileView.Markdown(markdown).ToString(), StringComparison.Ordinal);

    [Fact]
    public void The_importer_stores_no_link_the_policy_refuses_and_says_on_which_line()
    {
        const string page = """
            Home > Cluster Organisations > Link Cluster
            Website:
            javascript:alert(1)
            Entrepreneurship and scale-up support facilities:
            Makers Lab
            javascript:alert(1)//http://evil.example.org
            Second Lab, www.second-lab.example.org
            Sectoral Industries:
            Automotive
            """;
        var parsed = Parser.Parse(page, "links.txt");

        Assert.Null(parsed.Profile.Website);
        Assert.Contains(parsed.Report.Entries, e => e is { Outcome: ImportOutcome.NotPlaced, Field: "website", Line: 3 });
        var facilities = parsed.Profile.SupportFacilities;
        Assert.Null(facilities.Single(f => f.Name == "Makers Lab").Website);
        Assert.Contains(parsed.Report.Entries, e => e is { Outcome: ImportOutcome.NotPlaced, Field: "support facility website", Line: 6 });
        Assert.Equal("https://www.second-lab.example.org", facilities.Single(f => f.Name == "Second Lab").Website);
    }
}
