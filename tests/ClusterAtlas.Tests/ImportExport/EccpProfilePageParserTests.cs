using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>The ECCP page reader, field by field on the seed page, and on the ways saved pages vary.</summary>
public class EccpProfilePageParserTests
{
    private static readonly EccpProfilePageParser Parser = new(CountryList.Load());

    private static ParsedProfilePage ParseSeed() => Parser.Parse(SeedPage.Text, "seed.txt");

    private static IEnumerable<string> TermLabels(ParsedProfilePage page, ProfileField field) =>
        page.Terms.Where(t => t.Field == field).Select(t => t.Label);

    [Fact]
    public void Seed_identity_comes_from_the_breadcrumb()
    {
        var page = ParseSeed();
        Assert.Equal("Vojvodina Metal Cluster", page.Profile.Name);
        Assert.Equal(SeedPage.Slug, page.Profile.Slug);
    }

    [Fact]
    public void Seed_general_information()
    {
        var p = ParseSeed().Profile;
        Assert.Equal(new DateOnly(2011, 10, 21), p.EstablishedOn);
        Assert.Null(p.ManagementTeamFte);
        Assert.Equal("Region of Vojvodina", p.RegionName);
        Assert.Equal(ExcellenceLabel.Bronze, p.ExcellenceLabel);
        Assert.Equal(["Serbian Cluster Association", "Enterprise Europe Network"], p.NetworkMemberships);
        Assert.Empty(p.Languages);
    }

    [Fact]
    public void Seed_management_team_has_six_roles_with_phones()
    {
        var team = ParseSeed().Profile.ManagementTeam;
        Assert.Equal(
            ["Cluster Manager", "ECCP Responsible Person", "Internationalisation Responsible", "Internationalisation Responsible", "ECCP Responsible Person", "ECCP Responsible Person"],
            team.Select(m => m.Role));
        Assert.All(team, m => Assert.Equal("+381 21 844 923", m.Phone));
        Assert.All(team, m => Assert.Null(m.Name));
    }

    [Fact]
    public void Seed_country_is_inferred_from_the_phone_prefix()
    {
        var page = ParseSeed();
        Assert.Equal("RS", page.Profile.CountryCode);
        Assert.Contains(page.Report.Entries, e => e.Field == "country" && e.Value.Contains("phone prefix", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_sectoral_focus_terms()
    {
        var page = ParseSeed();
        Assert.Equal(["Metalworking Technology"], TermLabels(page, ProfileField.SectoralIndustry));
        Assert.Equal(["Machining (turning, drilling, moulding, planing, cutting)", "Machining, fine (grinding, lapping)"], TermLabels(page, ProfileField.TechnologyField));
        Assert.Equal(["New or improved service processes", "Resource efficiency"], TermLabels(page, ProfileField.S3PriorityArea));
        Assert.Empty(TermLabels(page, ProfileField.EmergingIndustry));
    }

    [Fact]
    public void Seed_composition_is_empty_and_reported_as_empty()
    {
        var page = ParseSeed();
        var p = page.Profile;
        Assert.Null(p.TotalMembers);
        Assert.Null(p.SmeMembers);
        Assert.Empty(p.SupportFacilities);
        Assert.Empty(p.MajorPlayers);
        Assert.Contains(page.Report.Entries, e => e.Outcome == ImportOutcome.Empty && e.Field == "total members");
    }

    [Fact]
    public void Seed_strategy_keeps_its_numbered_and_bulleted_lists()
    {
        var markdown = ParseSeed().Profile.StrategyMarkdown!;
        Assert.StartsWith("1. We create the conditions", markdown, StringComparison.Ordinal);
        Assert.Contains("\n4. We are promoters", markdown, StringComparison.Ordinal);
        Assert.Contains("\n\n- Contribute to sustainable employment", markdown, StringComparison.Ordinal);
        Assert.Contains("\n- Develop Cluster Centers of Excellence", markdown, StringComparison.Ordinal);
        Assert.All(SeedPage.StrategyStatements, s => Assert.Contains(s, markdown, StringComparison.Ordinal));
        var html = ProfileView.Markdown(markdown).ToString()!;
        Assert.Equal(4, CountOf(html, "<li>We") );
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_strategy_questions_are_unknown_not_no()
    {
        var p = ParseSeed().Profile;
        Assert.Null(p.HasFormalisedStrategy);
        Assert.Null(p.HasInternationalisationFocus);
    }

    [Fact]
    public void Seed_support_services_and_their_details()
    {
        var page = ParseSeed();
        Assert.Equal(SeedPage.Services, TermLabels(page, ProfileField.SupportService));
        var details = page.Profile.SupportServicesMarkdown!;
        Assert.All(SeedPage.ServiceDetails, d => Assert.Contains(d, details, StringComparison.Ordinal));
        Assert.Contains("<ol>", ProfileView.Markdown(details).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_cooperation()
    {
        var page = ParseSeed();
        Assert.Equal(["AE"], page.Profile.CountriesOutsideEurope);
        Assert.Empty(page.Profile.CountriesInEurope);
        Assert.Equal(["Participation at missions/events/study visits/fairs"], TermLabels(page, ProfileField.InternationalActivity));
        Assert.Equal(["Support to collaborative activities/etc."], TermLabels(page, ProfileField.EuropeanActivity));
    }

    [Fact]
    public void Seed_all_sixteen_collaborating_clusters_with_their_countries()
    {
        var countries = CountryList.Load();
        var partners = ParseSeed().Profile.CollaboratingClusters;
        Assert.Equal(SeedPage.CollaboratingClusters, partners.Select(c => $"{c.Name}|{countries.NameOf(c.CountryCode)}"));
    }

    [Fact]
    public void Seed_four_support_programmes_with_names_and_full_descriptions()
    {
        var programmes = ParseSeed().Profile.SupportProgrammes;
        Assert.Equal(SeedPage.Programmes, programmes.Select(p => p.Name));
        Assert.All(programmes, p => Assert.Equal(SupportProgrammeLevel.RegionalOrNational, p.Level));
        Assert.Contains("Switzerland Global Enterprise, SIPPO Swiss Import Promotion Programme", programmes[1].Description, StringComparison.Ordinal);
        Assert.EndsWith("in order to prepare a final new product for Certification and commercialization.", programmes[3].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_three_success_stories_with_title_and_text()
    {
        var stories = ParseSeed().Profile.SuccessStories;
        Assert.Equal(SeedPage.Stories, stories.Select(s => s.Title));
        Assert.Equal("knowledge as a key actor for competitiveness of SMEs", stories[1].Text);
    }

    [Fact]
    public void Seed_report_has_nothing_left_to_place()
    {
        var report = ParseSeed().Report;
        Assert.DoesNotContain(report.Entries, e => e.Outcome == ImportOutcome.NotPlaced);
        Assert.Contains(report.Entries, e => e.Outcome == ImportOutcome.Empty && e.Field == "languages");
    }

    [Fact]
    public void A_page_without_breadcrumb_takes_its_name_from_the_title()
    {
        var page = Parser.Parse("Printer-friendly version\nČakovec Wood Cluster – Südtirol\nSectoral Industries:\nWood Products\n", "x.txt");
        Assert.Equal("Čakovec Wood Cluster – Südtirol", page.Profile.Name);
        Assert.Equal("cakovec-wood-cluster-sudtirol", page.Profile.Slug);
    }

    [Fact]
    public void Missing_sections_labels_without_values_and_a_cut_last_line_are_read()
    {
        const string page = """
            Home > Cluster Organisations > Smart Textiles Cluster

            Smart Textiles Cluster
            General Information
            The date when the cluster organisation was established:
            Cluster Excellence Label:
            Gold Label
            Languages spoken:
            English
            German, fr
            Composition of the cluster
            Total number of members:
            120
            Number of SME members:
            1 234
            Do you have a formalised strategy?:
            Yes
            Success Story / Achievements:

            1. First joint export mission - twelve members went to Canada and signed contra
            """;
        var parsed = Parser.Parse(page, "textiles.txt");
        var p = parsed.Profile;
        Assert.Null(p.EstablishedOn);
        Assert.Equal(ExcellenceLabel.Gold, p.ExcellenceLabel);
        Assert.Equal(["en", "de", "fr"], p.Languages);
        Assert.Equal(120, p.TotalMembers);
        Assert.Equal(1234, p.SmeMembers);
        Assert.True(p.HasFormalisedStrategy);
        Assert.Null(p.HasInternationalisationFocus);
        var story = Assert.Single(p.SuccessStories);
        Assert.Equal("First joint export mission", story.Title);
        Assert.Equal("twelve members went to Canada and signed contra", story.Text);
        Assert.Contains(parsed.Report.Entries, e => e.Outcome == ImportOutcome.Empty && e.Field == "established");
    }

    [Fact]
    public void Values_that_fit_nowhere_are_reported_with_their_line()
    {
        const string page = """
            Home > Cluster Organisations > Example Cluster
            Total number of members:
            about a hundred
            Which clusters do you collaborate with?:
            Mystery Cluster, Atlantis
            Favourite colour:
            Blue
            Main countries addressed by the cluster organisation outside Europe:
            """;
        var report = Parser.Parse(page, "x.txt").Report;
        Assert.Contains(report.Entries, e => e is { Outcome: ImportOutcome.NotPlaced, Field: "total members", Line: 3 });
        Assert.Contains(report.Entries, e => e is { Outcome: ImportOutcome.NotPlaced, Field: "collaborating cluster country", Line: 5 });
        Assert.Contains(report.Entries, e => e is { Outcome: ImportOutcome.NotPlaced, Field: "Favourite colour", Value: "Blue", Line: 7 });
    }

    [Fact]
    public void A_value_on_the_label_line_is_read()
    {
        const string page = """
            Home > Cluster Organisations > Inline Cluster
            Website: https://inline.example
            Total number of members: 45
            Number of SME members: 30
            Country: Germany
            Sectoral Industries:
            Automotive
            """;
        var p = Parser.Parse(page, "inline.txt").Profile;
        Assert.Equal("https://inline.example", p.Website);
        Assert.Equal(45, p.TotalMembers);
        Assert.Equal(30, p.SmeMembers);
        Assert.Equal("DE", p.CountryCode);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("   \n\n  ", 1, "empty")]
    [InlineData("Home > Cluster Organisations > X\nsome\0binary", 2, "binary")]
    [InlineData("Just a shopping list\nmilk\neggs\n", 1, "not an ECCP profile page")]
    [InlineData("Sectoral Industries:\nAutomotive\n", 1, "no cluster name")]
    public void Malformed_input_gets_a_clear_error_with_its_line(string text, int line, string message)
    {
        var error = Assert.Throws<MalformedProfilePageException>(() => Parser.Parse(text, "bad.txt"));
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.txt, line ", error.Message, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
