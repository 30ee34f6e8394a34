using ClusterAtlas.ImportExport;
using ClusterAtlas.Network;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace RecommendBench;

/// <summary>
/// The recommender on collaborations stated on an imported ECCP page (the demo seed's, the one ECCP page the project
/// ships): the page is read by the importer's parser, placed in a demo network with its own sectors, technology
/// fields, S3 areas, emerging industries, country and target countries, and its top 10 are set beside the clusters
/// the page says it works with. Those partners are not profiles on the platform (only their name and country are
/// known), so the comparison is by the signals the recommender can see: country, countries targeted, sector words.
/// </summary>
public static class EccpRun
{
    public static void Run(int profiles)
    {
        var countries = CountryList.Load();
        var page = new EccpProfilePageParser(countries).Parse(File.ReadAllText(SeedFiles.PathOf("demo-vojvodina-metal-cluster.txt")), "seed");
        var seed = page.Profile;
        int[] Ids(ProfileField field, string vocabulary, int offset)
        {
            var labels = BenchNetwork.Vocabulary(vocabulary);
            return [.. page.Terms.Where(t => t.Field == field)
                .Select(t => Array.FindIndex(labels, l => string.Equals(l, t.Label, StringComparison.OrdinalIgnoreCase)))
                .Where(i => i >= 0).Select(i => offset + i).Distinct()];
        }
        var sectorLabels = BenchNetwork.Vocabulary("sectoral-industries");
        var targets = seed.CountriesInEurope.Concat(seed.CountriesOutsideEurope).Where(c => c != seed.CountryCode).Distinct().ToArray();
        var me = new ClusterFeatures(
            Ids(ProfileField.SectoralIndustry, "sectoral-industries", 0), Ids(ProfileField.TechnologyField, "technology-fields", BenchNetwork.TechnologyOffset),
            Ids(ProfileField.S3PriorityArea, "s3-priority-areas", BenchNetwork.S3Offset), Ids(ProfileField.EmergingIndustry, "emerging-industries", BenchNetwork.EmergingOffset),
            seed.CountryCode, targets, seed.TotalMembers, seed.ExcellenceLabel is ExcellenceLabel.Bronze or ExcellenceLabel.Silver or ExcellenceLabel.Gold);

        Console.WriteLine($"ECCP page \"{seed.Name}\" ({seed.CountryCode}; sectors: {string.Join(", ", me.Sectors.Select(s => sectorLabels[s]))}; "
            + $"{me.Technologies.Length} technology fields, {me.S3Areas.Length} S3 areas; targets: {string.Join(", ", targets)}): "
            + $"{seed.CollaboratingClusters.Count} stated collaborations");
        Console.WriteLine($"{"stated partner",-55} {"country",-8} {"as the recommender sees it",-30}");
        var sameCountry = 0;
        var targeted = 0;
        foreach (var partner in seed.CollaboratingClusters)
        {
            var where = partner.CountryCode == seed.CountryCode ? "same country" : targets.Contains(partner.CountryCode) ? "a country it targets" : "neither";
            sameCountry += partner.CountryCode == seed.CountryCode ? 1 : 0;
            targeted += targets.Contains(partner.CountryCode) ? 1 : 0;
            Console.WriteLine($"{Cut(partner.Name, 55),-55} {partner.CountryCode ?? "?",-8} {where,-30}");
        }

        var network = BenchNetwork.Generate(profiles, 2026);
        var nodes = network.Nodes.Append(me).ToList();
        var neighbours = network.Full.Append([]).ToArray();
        var graph = new RecommenderGraph(nodes, neighbours, network.Complements);
        var top = Recommender.Recommend(graph, nodes.Count - 1, 10, similarOnly: false);
        Console.WriteLine($"its top 10 among {profiles} demo profiles (it has no partners on the platform: profile signals only):");
        foreach (var recommendation in top)
        {
            var them = nodes[recommendation.Node];
            Console.WriteLine($"  {them.Country,-3} {Cut(string.Join(", ", them.Sectors.Select(s => sectorLabels[s])), 60),-60} "
                + string.Join(", ", recommendation.Reasons.Take(3).Select(r => r.Kind)));
        }
        var recommendedHere = top.Count(r => nodes[r.Node].Country == seed.CountryCode);
        var recommendedTargeted = top.Count(r => targets.Contains(nodes[r.Node].Country));
        Console.WriteLine($"eccp stated={seed.CollaboratingClusters.Count} stated_same_country={sameCountry} stated_in_target={targeted} "
            + $"recommended_same_country={recommendedHere} recommended_in_target={recommendedTargeted}");
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}
