using ClusterAtlas.Network;

namespace ClusterAtlas.Tests.Network;

/// <summary>The matcher on names as the seed profile and real ECCP pages write them.</summary>
public sealed class PartnerMatcherTests
{
    private static readonly PartnerMatcher Matcher = new(
    [
        new MatchCandidate(1, "Vojvodina Metal Cluster", "VMC", null, "RS"),
        new MatchCandidate(2, "Toolmakers Cluster of Slovenia", "TCS", "Grozd orodjarjev Slovenije", "SI"),
        new MatchCandidate(3, "Vojvodina ICT Cluster", "VOICT", null, "RS"),
        new MatchCandidate(4, "Inno-Pro, Innovation Cluster for Production", null, null, "DK"),
        new MatchCandidate(5, "FEMAC – The Catalan Cluster of Agricultural Machinery", "FEMAC", null, "ES"),
        new MatchCandidate(6, "Niš Cluster of Advanced Technologies", "NiCAT", null, "RS"),
        new MatchCandidate(7, "ArchEnerg Cluster", null, null, "HU"),
        new MatchCandidate(8, "Agricultural Equipment Cluster", null, null, "HR"),
        new MatchCandidate(9, "Agricultural Machinery Cluster", null, null, "HR"),
    ]);

    [Theory]
    [InlineData("Vojvodina ICT Cluster", "RS", 3)]
    [InlineData("vojvodina ict cluster", "RS", 3)]
    [InlineData("Vojvodina ICT Cluster (VOICT)", "RS", 3)]
    [InlineData("VOICT", "RS", 3)]
    [InlineData("Toolmakers cluster of Slovenia TCS", "SI", 2)]
    [InlineData("Inno-Pro, Innovation Cluster for Production", "DK", 4)]
    [InlineData("FEMAC The Catalan Cluster of Agricultural Machinery", "ES", 5)]
    [InlineData("NiCAT", "RS", 6)]
    [InlineData("Nis Cluster of Advanced Technologies", "RS", 6)]
    [InlineData("ArchEnerg Cluster, legally represented by Pannon Development Agency", "HU", 7)]
    [InlineData("Grozd orodjarjev Slovenije", null, 2)]
    public void Sure_matches_link_despite_case_accents_acronyms_and_suffixes(string written, string? country, int expected)
    {
        var matches = Matcher.Match(written, country, ownProfileId: 100);
        var match = Assert.Single(matches);
        Assert.Equal(expected, match.ProfileId);
        Assert.Equal(MatchCertainty.Sure, match.Certainty);
    }

    [Theory]
    [InlineData("Vojvodina ICT Clustre", "RS", 3)]
    [InlineData("Agricultural Equipment Cluster", "SI", 8)]
    [InlineData("Vojvodina Metal Cluster", "DE", 1)]
    public void Similar_names_or_another_country_are_only_proposed(string written, string? country, int expected)
    {
        var matches = Matcher.Match(written, country, ownProfileId: 100);
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal(MatchCertainty.Uncertain, m.Certainty));
        Assert.Equal(expected, matches[0].ProfileId);
    }

    [Theory]
    [InlineData("Center for Cluster Development", "RU")]
    [InlineData("Fashion and Apparel Cluster", "RS")]
    [InlineData("Autocluster", "RS")]
    [InlineData("ICT Net", "RS")]
    public void Clusters_not_on_the_platform_match_nothing(string written, string? country) =>
        Assert.Empty(Matcher.Match(written, country, ownProfileId: 100));

    [Fact]
    public void A_profile_never_matches_itself() =>
        Assert.DoesNotContain(Matcher.Match("Vojvodina Metal Cluster", "RS", ownProfileId: 1), m => m.ProfileId == 1);

    [Fact]
    public void A_text_answered_for_the_profile_it_names_is_answered_in_full_for_another_and_the_other_way_round()
    {
        // A matcher remembers its answer per text: the profile that states its own name must not make it lose itself.
        var matcher = new PartnerMatcher([
            new MatchCandidate(1, "Vojvodina Metal Cluster", "VMC", null, "RS"),
            new MatchCandidate(3, "Vojvodina ICT Cluster", "VOICT", null, "RS"),
            new MatchCandidate(10, "Vojvodina Metal Clusters", null, null, "RS"),
        ]);
        var byItself = matcher.Match("Vojvodina Metal Cluster", "RS", ownProfileId: 1);
        var byAnother = matcher.Match("Vojvodina Metal Cluster", "RS", ownProfileId: 3);
        var byItselfAgain = matcher.Match("Vojvodina Metal Cluster", "RS", ownProfileId: 1);

        Assert.DoesNotContain(byItself, m => m.ProfileId == 1);
        Assert.Equal(byItself, byItselfAgain);
        Assert.Equal(1, byAnother[0].ProfileId);
        Assert.Equal(
            new PartnerMatcher([new MatchCandidate(1, "Vojvodina Metal Cluster", "VMC", null, "RS"), new MatchCandidate(10, "Vojvodina Metal Clusters", null, null, "RS")])
                .Match("Vojvodina Metal Cluster", "RS", ownProfileId: 3),
            byAnother);
    }

    [Fact]
    public void The_seed_profiles_partners_are_matched_to_the_profiles_that_carry_their_names()
    {
        var matched = Infrastructure.SeedPage.CollaboratingClusters
            .Select(c => c.Split('|'))
            .Select(c => (Name: c[0], Matches: Matcher.Match(c[0], null, ownProfileId: 1)))
            .Where(c => c.Matches.Count > 0 && c.Matches[0].Certainty == MatchCertainty.Sure)
            .ToDictionary(c => c.Name, c => c.Matches[0].ProfileId);
        Assert.Equal(2, matched["Toolmakers cluster of Slovenia TCS"]);
        Assert.Equal(3, matched["Vojvodina ICT Cluster"]);
        Assert.Equal(4, matched["Inno-Pro, Innovation Cluster for Production"]);
        Assert.Equal(6, matched["NiCAT"]);
        Assert.Equal(7, matched["ArchEnerg Cluster"]);
        Assert.False(matched.ContainsKey("Fashion and Apparel Cluster"));
    }
}
