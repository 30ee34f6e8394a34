using ClusterAtlas.Network;

namespace RecommendBench;

/// <summary>
/// A demo network for the benchmark: synthetic profiles spread like the demo data (sectors, technologies, S3 areas and
/// emerging industries Zipf-distributed over the vocabularies' sizes 51, 26, 20, 10; countries weighted like the demo
/// data's; 0 to 4 target countries; sizes log-uniform), collaborations from the documented generative model, and 20 %
/// of each profile's collaborations held out.
/// </summary>
public sealed class BenchNetwork
{
    public const int TechnologyOffset = 1000, S3Offset = 2000, EmergingOffset = 3000;

    private static readonly (string Code, double Weight)[] CountryWeights =
    [
        ("ES", 12), ("FR", 10), ("IT", 9), ("DE", 9), ("PL", 5), ("RO", 4), ("PT", 4), ("BE", 3), ("AT", 3), ("NL", 3), ("SE", 3),
        ("FI", 2), ("DK", 2), ("CZ", 2), ("HU", 2), ("BG", 2), ("GR", 2), ("HR", 2), ("SI", 2), ("RS", 2), ("TR", 2), ("GB", 2),
        ("SK", 1), ("LT", 1), ("LV", 1), ("EE", 1), ("IE", 1), ("NO", 1), ("UA", 1), ("BA", 1), ("MK", 1), ("ME", 1), ("AL", 1),
    ];

    private BenchNetwork(List<ClusterFeatures> nodes, Dictionary<int, int[]> complements, List<(int From, int To)> statements)
    {
        Nodes = nodes;
        Complements = complements;
        Statements = statements;
        Full = RecommenderGraph.Undirected(nodes.Count, statements);
    }

    public List<ClusterFeatures> Nodes { get; }
    public Dictionary<int, int[]> Complements { get; }
    public List<(int From, int To)> Statements { get; }
    public int[][] Full { get; }

    public static string[] Vocabulary(string name) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", name + ".txt")).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    public static BenchNetwork Generate(int profiles, int seed)
    {
        var random = new Random(seed);
        var sectorLabels = Vocabulary("sectoral-industries");
        var totalWeight = CountryWeights.Sum(c => c.Weight);
        string Country()
        {
            var roll = random.NextDouble() * totalWeight;
            foreach (var (code, weight) in CountryWeights)
            {
                if ((roll -= weight) <= 0) return code;
            }
            return "ES";
        }
        int Zipf(int size, int offset) => offset + Math.Min(size - 1, (int)(size * Math.Pow(random.NextDouble(), 2.2)));
        int[] Draw(int size, int offset, int min, int max) => [.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Zipf(size, offset)).Distinct()];
        var nodes = new List<ClusterFeatures>(profiles + 1);
        for (var i = 0; i < profiles; i++)
        {
            var country = Country();
            nodes.Add(new ClusterFeatures(
                Draw(sectorLabels.Length, 0, 1, 3), Draw(26, TechnologyOffset, 0, 3), Draw(20, S3Offset, 0, 2), Draw(10, EmergingOffset, 0, 2), country,
                [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => Country()).Where(c => c != country).Distinct()],
                (int)Math.Exp(random.NextDouble() * 3.2 + 2.7), random.NextDouble() < 0.28));
        }
        var complements = ValueChains.Neighbours(SectorIds());
        var empty = new RecommenderGraph(nodes, [.. nodes.Select(_ => Array.Empty<int>())], complements);
        return new BenchNetwork(nodes, complements, CollaborationModel.Generate(empty, seed));
    }

    public static Dictionary<string, int> SectorIds() =>
        Vocabulary("sectoral-industries").Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);

    /// <summary>
    /// Holds out a share of each profile's collaborations among <paramref name="edges"/> (profiles in random order;
    /// edges already hidden count towards both ends): the remaining neighbour lists and the hidden ones by profile.
    /// </summary>
    public static (int[][] Kept, Dictionary<int, HashSet<int>> HeldOut) HoldOut(int[][] edges, double share, Random random)
    {
        var hidden = new HashSet<(int, int)>();
        foreach (var i in Enumerable.Range(0, edges.Length).OrderBy(_ => random.Next()))
        {
            var want = (int)Math.Round(edges[i].Length * share);
            var already = edges[i].Count(j => hidden.Contains(Key(i, j)));
            foreach (var j in edges[i].Where(j => !hidden.Contains(Key(i, j))).OrderBy(_ => random.Next()).Take(Math.Max(0, want - already)))
            {
                hidden.Add(Key(i, j));
            }
        }
        var kept = RecommenderGraph.Undirected(edges.Length,
            edges.SelectMany((list, i) => list.Where(j => i < j && !hidden.Contains((i, j))).Select(j => (i, j))));
        var heldOut = Enumerable.Range(0, edges.Length).ToDictionary(i => i, i => edges[i].Where(j => hidden.Contains(Key(i, j))).ToHashSet());
        return (kept, heldOut);
    }
}
