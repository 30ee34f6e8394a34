namespace ClusterAtlas.Network;

/// <summary>
/// Every collaboration of a network snapshot between published profiles whose countries are known, once, as arrays:
/// its two graph nodes, its pair of countries (an index into <see cref="Pairs"/>, the lower code first) and whether
/// both sides state it. Built once per snapshot, so the statistics count the collaborations of any set of profiles in
/// one pass over integers instead of walking the graph and its statements per request.
/// </summary>
public sealed class CountryPairEdges
{
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly int[] _pair;
    private readonly bool[] _mutual;

    public IReadOnlyList<(string First, string Second)> Pairs { get; }

    public CountryPairEdges(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var pairs = new List<(string, string)>();
        var pairIds = new Dictionary<(string, string), int>();
        var (from, to, pair, mutual) = (new List<int>(), new List<int>(), new List<int>(), new List<bool>());
        var nodes = network.Graph.Nodes;
        foreach (var (a, b, both) in network.Edges())
        {
            if (nodes.Country(a) is not { } first || nodes.Country(b) is not { } second)
            {
                continue;
            }
            var key = string.CompareOrdinal(first, second) <= 0 ? (first, second) : (second, first);
            if (!pairIds.TryGetValue(key, out var id))
            {
                pairIds[key] = id = pairs.Count;
                pairs.Add(key);
            }
            from.Add(a);
            to.Add(b);
            pair.Add(id);
            mutual.Add(both);
        }
        (_from, _to, _pair, _mutual) = ([.. from], [.. to], [.. pair], [.. mutual]);
        Pairs = pairs;
    }

    /// <summary>How many collaborations there are with <paramref name="nodes"/> on one side at least (a bitset over the graph's nodes), per pair of countries, and how many of them both sides state.</summary>
    public (int All, int Mutual)[] Count(ulong[] nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var counts = new (int All, int Mutual)[Pairs.Count];
        for (var i = 0; i < _from.Length; i++)
        {
            int a = _from[i], b = _to[i];
            if ((nodes[a >> 6] & (1UL << a)) != 0 || (nodes[b >> 6] & (1UL << b)) != 0)
            {
                ref var count = ref counts[_pair[i]];
                count.All++;
                if (_mutual[i])
                {
                    count.Mutual++;
                }
            }
        }
        return counts;
    }
}
