namespace ClusterAtlas.Network;

/// <summary>
/// The profiles (by dense index) with their features and undirected collaborations, and the inverted indexes the
/// recommender walks (most connected first): who has a term, who is in a country, who targets a country. Built once per snapshot, so a
/// recommendation touches only the profiles that share something with the one asked for.
/// </summary>
public sealed class RecommenderGraph
{
    public RecommenderGraph(IReadOnlyList<ClusterFeatures> nodes, int[][] neighbours, IReadOnlyDictionary<int, int[]> complementarySectors)
    {
        Nodes = nodes;
        Neighbours = neighbours;
        ComplementarySectors = complementarySectors;
        var bySector = new Dictionary<int, List<int>>();
        var byTechnology = new Dictionary<int, List<int>>();
        var byS3 = new Dictionary<int, List<int>>();
        var byEmerging = new Dictionary<int, List<int>>();
        var byCountry = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byTarget = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            AddAll(bySector, node.Sectors, i);
            AddAll(byTechnology, node.Technologies, i);
            AddAll(byS3, node.S3Areas, i);
            AddAll(byEmerging, node.EmergingIndustries, i);
            if (node.Country is not null)
            {
                AddAll(byCountry, [node.Country], i);
            }
            AddAll(byTarget, node.TargetCountries, i);
        }
        BySector = Freeze(bySector, neighbours);
        ByTechnology = Freeze(byTechnology, neighbours);
        ByS3 = Freeze(byS3, neighbours);
        ByEmerging = Freeze(byEmerging, neighbours);
        ByCountry = Freeze(byCountry, neighbours);
        ByTarget = Freeze(byTarget, neighbours);
        ComplementCount = [.. nodes.Select(f => f.Sectors.Sum(s => complementarySectors.GetValueOrDefault(s)?.Length ?? 0))];
        PartnersPull = [.. neighbours.Select(list => list.Sum(k => Math.Pow(neighbours[k].Length + 1, PullExponent)))];
    }

    /// <summary>How much more a cluster with more partners draws new ones (the demo model's preferential attachment).</summary>
    public const double PullExponent = 0.8;

    /// <summary>For each profile, the pull of its partners together: Σ (partners' partners + 1)^<see cref="PullExponent"/>.</summary>
    public double[] PartnersPull { get; }

    public IReadOnlyList<ClusterFeatures> Nodes { get; }
    public int[][] Neighbours { get; }
    public IReadOnlyDictionary<int, int[]> ComplementarySectors { get; }
    public IReadOnlyDictionary<int, int[]> BySector { get; }
    public IReadOnlyDictionary<int, int[]> ByTechnology { get; }
    public IReadOnlyDictionary<int, int[]> ByS3 { get; }
    public IReadOnlyDictionary<int, int[]> ByEmerging { get; }
    public IReadOnlyDictionary<string, int[]> ByCountry { get; }
    public IReadOnlyDictionary<string, int[]> ByTarget { get; }

    /// <summary>For each profile, the number of sectors next to its own along value chains (counted per own sector).</summary>
    public int[] ComplementCount { get; }

    public int Count => Nodes.Count;

    private static void AddAll<TKey>(Dictionary<TKey, List<int>> index, IEnumerable<TKey> keys, int node) where TKey : notnull
    {
        foreach (var key in keys.Distinct())
        {
            (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(node);
        }
    }

    /// <summary>Each list most connected first (then by index), so a walk cut short keeps the profiles that could still rank.</summary>
    private static Dictionary<TKey, int[]> Freeze<TKey>(Dictionary<TKey, List<int>> index, int[][] neighbours) where TKey : notnull =>
        index.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(i => neighbours[i].Length).ThenBy(i => i).ToArray(), index.Comparer);

    /// <summary>Undirected neighbour lists (sorted, without duplicates or self-loops) from collaborations stated either way.</summary>
    public static int[][] Undirected(int count, IEnumerable<(int From, int To)> edges)
    {
        var sets = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            sets[i] = [];
        }
        foreach (var (from, to) in edges)
        {
            if (from != to)
            {
                sets[from].Add(to);
                sets[to].Add(from);
            }
        }
        return [.. sets.Select(s => s.Distinct().Order().ToArray())];
    }
}
