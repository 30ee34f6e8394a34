namespace ClusterAtlas.Network;

/// <summary>
/// The profiles (by dense index) with their features and undirected collaborations, and the inverted indexes the
/// recommender walks (most connected first): who has a term, who is in a country, who targets a country. Built once per snapshot, so a
/// recommendation touches only the profiles that share something with the one asked for.
/// </summary>
public sealed class RecommenderGraph
{
    public RecommenderGraph(IReadOnlyList<ClusterFeatures> nodes, int[][] neighbours, IReadOnlyDictionary<int, int[]> complementarySectors, int[]? tieKeys = null)
        : this(nodes as ClusterFeatureColumns ?? ClusterFeatureColumns.Of(nodes), neighbours, complementarySectors, tieKeys)
    {
    }

    /// <param name="tieKeys">
    /// Each node's key among equals (its profile's id): the inverted lists hold the unconnected in its order, and a walk
    /// cut short keeps the lowest. By default the node's index. (The network's nodes are in the directory's name order,
    /// which would favour names early in the alphabet.)
    /// </param>
    public RecommenderGraph(ClusterFeatureColumns nodes, int[][] neighbours, IReadOnlyDictionary<int, int[]> complementarySectors, int[]? tieKeys = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        Nodes = nodes;
        Neighbours = neighbours;
        ComplementarySectors = complementarySectors;
        var bySector = new Dictionary<int, List<int>>();
        var byTechnology = new Dictionary<int, List<int>>();
        var byS3 = new Dictionary<int, List<int>>();
        var byEmerging = new Dictionary<int, List<int>>();
        var byCountry = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byTarget = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var complementCount = new int[nodes.Count];
        var order = new int[nodes.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        if (tieKeys is not null)
        {
            Array.Sort((int[])tieKeys.Clone(), order);
        }
        foreach (var i in order)
        {
            var sectors = nodes.Sectors(i);
            AddAll(bySector, sectors, i);
            AddAll(byTechnology, nodes.Technologies(i), i);
            AddAll(byS3, nodes.S3Areas(i), i);
            AddAll(byEmerging, nodes.EmergingIndustries(i), i);
            if (nodes.Country(i) is { } country)
            {
                AddAll(byCountry, [country], i);
            }
            AddAll(byTarget, nodes.TargetCountries(i), i);
            foreach (var sector in sectors)
            {
                complementCount[i] += complementarySectors.GetValueOrDefault(sector)?.Length ?? 0;
            }
        }
        BySector = Freeze(bySector, neighbours);
        ByTechnology = Freeze(byTechnology, neighbours);
        ByS3 = Freeze(byS3, neighbours);
        ByEmerging = Freeze(byEmerging, neighbours);
        ByCountry = Freeze(byCountry, neighbours);
        ByTarget = Freeze(byTarget, neighbours);
        ComplementCount = complementCount;
        PartnersPull = [.. neighbours.Select(list => list.Sum(k => Math.Pow(neighbours[k].Length + 1, PullExponent)))];
    }

    /// <summary>How much more a cluster with more partners draws new ones (the demo model's preferential attachment).</summary>
    public const double PullExponent = 0.8;

    /// <summary>For each profile, the pull of its partners together: Σ (partners' partners + 1)^<see cref="PullExponent"/>.</summary>
    public double[] PartnersPull { get; }

    public ClusterFeatureColumns Nodes { get; }
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

    private static void AddAll<TKey>(Dictionary<TKey, List<int>> index, ReadOnlySpan<TKey> keys, int node) where TKey : notnull
    {
        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[..k].IndexOf(keys[k]) < 0)
            {
                (index.TryGetValue(keys[k], out var list) ? list : index[keys[k]] = []).Add(node);
            }
        }
    }

    /// <summary>
    /// Each list most connected first (the unconnected, most profiles, in the order of the tie keys), so a walk cut short
    /// keeps the profiles that could still rank. The lists are built in that order: a stable sort of the connected keeps it.
    /// </summary>
    private static Dictionary<TKey, int[]> Freeze<TKey>(Dictionary<TKey, List<int>> index, int[][] neighbours) where TKey : notnull =>
        index.ToDictionary(p => p.Key, p => (int[])[.. p.Value.Where(i => neighbours[i].Length > 0).OrderByDescending(i => neighbours[i].Length)
            .Concat(p.Value.Where(i => neighbours[i].Length == 0))], index.Comparer);

    /// <summary>Undirected neighbour lists (sorted, without duplicates or self-loops) from collaborations stated either way.</summary>
    public static int[][] Undirected(int count, IEnumerable<(int From, int To)> edges)
    {
        var pairs = edges.Where(e => e.From != e.To).ToList();
        var degree = new int[count];
        foreach (var (from, to) in pairs)
        {
            degree[from]++;
            degree[to]++;
        }
        var lists = new int[count][];
        for (var i = 0; i < count; i++)
        {
            lists[i] = degree[i] == 0 ? [] : new int[degree[i]];
            degree[i] = 0;
        }
        foreach (var (from, to) in pairs)
        {
            lists[from][degree[from]++] = to;
            lists[to][degree[to]++] = from;
        }
        for (var i = 0; i < count; i++)
        {
            if (lists[i].Length > 1)
            {
                Array.Sort(lists[i]);
                var distinct = 1;
                for (var k = 1; k < lists[i].Length; k++)
                {
                    if (lists[i][k] != lists[i][distinct - 1])
                    {
                        lists[i][distinct++] = lists[i][k];
                    }
                }
                if (distinct < lists[i].Length)
                {
                    Array.Resize(ref lists[i], distinct);
                }
            }
        }
        return lists;
    }
}
