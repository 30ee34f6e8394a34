namespace ClusterAtlas.Network;

/// <summary>
/// The generative model of the demo collaborations (docs/decisions/0017-network-and-recommendations.md). Each profile
/// wants a number of partners (1 plus a geometric draw, mean about 4). In rounds, each profile that still wants one
/// picks a channel — shared sector (homophily), shared technology, a country it targets, its own country (geography),
/// a neighbouring sector of its value chain (complementarity), a partner of a partner (triadic closure) or anyone
/// (noise) — draws a few profiles from that channel and takes the most attractive: more partners already
/// (preferential attachment), more shared terms, times a random factor. A third of the collaborations are stated by
/// both sides. Deterministic for a seed. Returns who states a collaboration with whom.
/// </summary>
public static class CollaborationModel
{
    private const double Noise = 0.08, BySector = 0.22, ByTechnology = 0.14, ByTarget = 0.16, ByCountry = 0.1, ByValueChain = 0.12;
    private const int Draws = 6;
    private const double Reciprocity = 0.35;

    public static List<(int From, int To)> Generate(RecommenderGraph graph, int seed, double meanPartners = 4)
    {
        var random = new Random(seed);
        var n = graph.Count;
        var statements = new List<(int From, int To)>();
        if (n < 2)
        {
            return statements;
        }
        var wanted = new int[n];
        for (var i = 0; i < n; i++)
        {
            wanted[i] = Math.Min(30, 1 + (int)(-Math.Log(1 - random.NextDouble()) * (meanPartners - 1)));
        }
        var partners = new HashSet<int>[n];
        for (var i = 0; i < n; i++)
        {
            partners[i] = [];
        }
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var rounds = wanted.Max();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var i in order)
            {
                if (partners[i].Count >= wanted[i])
                {
                    continue;
                }
                var pool = Channel(i);
                var best = -1;
                var bestValue = 0.0;
                for (var d = 0; d < Draws; d++)
                {
                    var j = pool is null ? random.Next(n) : pool[random.Next(pool.Length)];
                    if (j == i || partners[i].Contains(j))
                    {
                        continue;
                    }
                    var value = Math.Pow(partners[j].Count + 1, 0.8) * (1 + SharedTerms(graph.Nodes, i, j)) * (0.5 + random.NextDouble());
                    if (value > bestValue)
                    {
                        best = j;
                        bestValue = value;
                    }
                }
                if (best < 0)
                {
                    continue;
                }
                partners[i].Add(best);
                partners[best].Add(i);
                statements.Add((i, best));
                if (random.NextDouble() < Reciprocity)
                {
                    statements.Add((best, i));
                }
            }
        }
        return statements;

        int[]? Channel(int i)
        {
            var sectors = graph.Nodes.Sectors(i);
            var technologies = graph.Nodes.Technologies(i);
            var targets = graph.Nodes.TargetCountries(i);
            var country = graph.Nodes.Country(i);
            var roll = random.NextDouble();
            if ((roll -= Noise) < 0)
            {
                return null;
            }
            if ((roll -= BySector) < 0 && sectors.Length > 0)
            {
                return graph.BySector.GetValueOrDefault(sectors[random.Next(sectors.Length)]);
            }
            if ((roll -= ByTechnology) < 0 && technologies.Length > 0)
            {
                return graph.ByTechnology.GetValueOrDefault(technologies[random.Next(technologies.Length)]);
            }
            if ((roll -= ByTarget) < 0 && targets.Length > 0)
            {
                return graph.ByCountry.GetValueOrDefault(targets[random.Next(targets.Length)]);
            }
            if ((roll -= ByCountry) < 0 && country is not null)
            {
                return graph.ByCountry.GetValueOrDefault(country);
            }
            if ((roll -= ByValueChain) < 0)
            {
                var complements = sectors.ToArray().SelectMany(s => graph.ComplementarySectors.GetValueOrDefault(s) ?? []).ToArray();
                if (complements.Length > 0)
                {
                    return graph.BySector.GetValueOrDefault(complements[random.Next(complements.Length)]);
                }
            }
            // Triadic closure: a partner of one of its partners.
            if (partners[i].Count > 0)
            {
                var via = partners[i].ElementAt(random.Next(partners[i].Count));
                if (partners[via].Count > 1)
                {
                    return [.. partners[via]];
                }
            }
            return sectors.Length > 0 ? graph.BySector.GetValueOrDefault(sectors[0]) : null;
        }
    }

    private static int SharedTerms(ClusterFeatureColumns nodes, int a, int b) =>
        Shared(nodes.Sectors(a), nodes.Sectors(b)) + Shared(nodes.Technologies(a), nodes.Technologies(b))
        + Shared(nodes.S3Areas(a), nodes.S3Areas(b)) + Shared(nodes.EmergingIndustries(a), nodes.EmergingIndustries(b));

    private static int Shared(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var count = 0;
        foreach (var term in a)
        {
            if (b.Contains(term))
            {
                count++;
            }
        }
        return count;
    }
}
