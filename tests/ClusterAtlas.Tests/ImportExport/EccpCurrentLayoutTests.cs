using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>The ECCP's page layout since 2021, saved as text and as HTML, told apart from the older layout without being told.</summary>
public class EccpCurrentLayoutTests
{
    private static readonly EccpProfilePageParser Parser = new(CountryList.Load());

    private static void AssertFixtureProfile(ParsedProfilePage parsed)
    {
        var p = parsed.Profile;
        Assert.Equal(EccpLayout.Since2021, parsed.Report.Layout);
        Assert.Equal("Pannonian Food Valley Cluster", p.Name);
        Assert.Equal(EccpFixtures.CurrentLayoutSlug, p.Slug);
        Assert.Equal("Panonska dolina hrane", p.LocalName);
        Assert.Equal("RS", p.CountryCode);
        Assert.Equal("Vojvodina", p.RegionName);
        var contact = Assert.Single(p.ManagementTeam);
        Assert.Equal(("Milica Jovanović", "Contact person"), (contact.Name, contact.Role));
        Assert.StartsWith("The cluster brings together food processors, farmers' cooperatives", p.ShortDescription, StringComparison.Ordinal);
        Assert.EndsWith("a shared laboratory for food safety.", p.ShortDescription, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2010, 3, 14), p.EstablishedOn);
        Assert.Equal("11-20", p.ManagementTeamBand);
        Assert.Null(p.ManagementTeamFte);
        Assert.Equal((140, 95, 12, 30), (p.TotalMembers, p.SmeMembers, p.StartupMembers, p.LargeCompanyMembers));
        Assert.Equal(["Vocational training", "Mentoring", "Lifelong learning"],
            parsed.Terms.Where(t => t.Field == ProfileField.SupportService).Select(t => t.Label));
    }

    [Fact]
    public void A_page_saved_as_text_is_read_field_by_field()
    {
        var parsed = Parser.Parse(EccpFixtures.CurrentLayoutText, "food-valley.txt");
        AssertFixtureProfile(parsed);
        // The older layout's labels on the same page are read too.
        Assert.Equal("https://food-valley.example.org", parsed.Profile.Website);
        Assert.Equal("Food Processing and Manufacturing", Assert.Single(parsed.Terms, t => t.Field == ProfileField.SectoralIndustry).Label);
        Assert.Empty(parsed.Report.Problems);
        Assert.Contains(parsed.Report.Entries, e => e is { Field: "staff band", Value: "11-20", Line: 10 });
        Assert.Contains(parsed.Report.Entries, e => e is { Field: "sme members", Value: "95", Line: 14 });
    }

    [Fact]
    public void A_page_saved_as_html_is_read_and_its_report_names_the_lines_of_the_html_file()
    {
        var html = EccpFixtures.CurrentLayoutHtml;
        var parsed = Parser.Parse(html, "food-valley.html");
        AssertFixtureProfile(parsed);
        var lines = html.Split('\n');
        int LineOf(string part) => Array.FindIndex(lines, l => l.Contains(part, StringComparison.Ordinal)) + 1;
        Assert.Contains(parsed.Report.Entries, e => e is { Field: "staff band", Value: "11-20" } && e.Line == LineOf("Staff in the management team"));
        // A label the layout does not have is reported with its number and the HTML line, not dropped.
        var unknown = Assert.Single(parsed.Report.Problems);
        Assert.Equal(("Space agencies", "7", ImportOutcome.NotPlaced), (unknown.Field, unknown.Value, unknown.Outcome));
        Assert.Equal(LineOf("Space agencies"), unknown.Line);
        // Neither the script, the site's navigation nor the footer become profile text.
        Assert.DoesNotContain(parsed.Report.Entries, e => e.Value.Contains("dataLayer", StringComparison.Ordinal) || e.Value.Contains("European Union", StringComparison.Ordinal));
    }

    [Fact]
    public void Sections_may_be_missing_or_in_another_order()
    {
        const string page = """
            Danube Robotics Cluster
            Austria: Lower Austria
            Cluster composition
            45 Cluster Members
            20
            Staff in the management team - 1-5
            About us
            Robots for small factories.
            Established - 2 May 2016
            """;
        var parsed = Parser.Parse(page, "robotics.txt");
        var p = parsed.Profile;
        Assert.Equal(EccpLayout.Since2021, parsed.Report.Layout);
        Assert.Null(p.LocalName);
        Assert.Empty(p.ManagementTeam);
        Assert.Equal(("AT", "Lower Austria"), (p.CountryCode, p.RegionName));
        Assert.Equal((45, 20), (p.TotalMembers, p.SmeMembers));
        Assert.Equal("1-5", p.ManagementTeamBand);
        Assert.Equal("Robots for small factories.", p.ShortDescription);
        Assert.Equal(new DateOnly(2016, 5, 2), p.EstablishedOn);
        Assert.Empty(parsed.Report.Problems);
    }

    [Fact]
    public void What_does_not_fit_the_layout_is_reported_with_its_line()
    {
        const string page = """
            Alpine Wood Cluster
            Holzcluster Alpen
            Austria: Tyrol
            Anna Huber
            Second person nobody expected
            70% completed
            Established - sometime in the nineties
            Cluster composition
            12
            30
            40
            Favourite animals
            Support services for upskilling and reskilling of companies workforce
            • Mentoring
            """;
        var report = Parser.Parse(page, "wood.txt").Report;
        Assert.Contains(report.Problems, e => e is { Field: "(page header)", Value: "Second person nobody expected", Line: 5 });
        Assert.Contains(report.Problems, e => e is { Field: "established", Value: "sometime in the nineties", Line: 7 });
        // 12 has no label (the SMEs'), 30 has none either: a second unlabelled number is not guessed.
        Assert.Contains(report.Problems, e => e is { Field: "cluster composition", Value: "30", Line: 10 });
        Assert.Contains(report.Problems, e => e is { Field: "Favourite animals", Value: "40", Line: 12 });
    }

    [Fact]
    public void A_page_of_the_new_layout_without_a_name_is_refused_with_its_line()
    {
        var error = Assert.Throws<MalformedProfilePageException>(() => Parser.Parse("\n\n85% completed\nAbout us\nText\n", "nameless.txt"));
        Assert.Equal(3, error.Line);
        Assert.Contains("no cluster name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_file_with_a_problem_names_the_html_line()
    {
        const string html = "<html>\n<body>\n<h1>Shopping list</h1>\n<p>milk</p>\n</body>\n</html>\n";
        var error = Assert.Throws<MalformedProfilePageException>(() => Parser.Parse(html, "list.html"));
        Assert.Contains("not an ECCP profile page", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("list.html, line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_older_layout_is_still_read_as_the_older_layout()
    {
        var parsed = Parser.Parse(SeedPage.Text, "seed.txt");
        Assert.Equal(EccpLayout.Older, parsed.Report.Layout);
        Assert.DoesNotContain(parsed.Report.Entries, e => e.Outcome == ImportOutcome.NotPlaced && e.Field != "country");
    }

    [Fact]
    public void An_unknown_label_without_a_value_is_reported_not_dropped()
    {
        const string page = """
            Home > Cluster Organisations > Label Cluster
            Sectoral Industries:
            Automotive
            Number of patents filed by members:
            Total number of members:
            40
            """;
        var report = Parser.Parse(page, "labels.txt").Report;
        Assert.Contains(report.Problems, e => e is { Field: "Number of patents filed by members", Line: 4, Outcome: ImportOutcome.NotPlaced });
    }

    [Fact]
    public void The_label_of_the_programmes_the_registration_form_names_is_read()
    {
        const string page = """
            Home > Cluster Organisations > Programme Cluster
            Regional/National Support Programmes:
            1. Regional cluster programme of Vojvodina, funded by the province.
            """;
        var parsed = Parser.Parse(page, "programmes.txt");
        Assert.Single(parsed.Profile.SupportProgrammes);
    }
}
