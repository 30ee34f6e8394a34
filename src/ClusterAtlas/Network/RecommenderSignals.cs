namespace ClusterAtlas.Network;

/// <summary>
/// The signals "clusters you could work with" is scored from, for every profile that shares something with the one
/// asked for. Each is the chance that one side would come upon the other through one way clusters meet: through a
/// sector or technology field (1 / the number of profiles holding it, shared over the asker's own terms), a country
/// targeted, the same country, a neighbouring link of a value chain, a partner's partner (resource allocation); once
/// from the asker's side ("forward") and once from the candidate's ("backward"). Collected by walking only the
/// inverted lists of the asker's own terms, countries and partners: a profile nothing leads to is never scored,
/// so every recommendation has a reason to give.
/// </summary>
public static class RecommenderSignals
{
    public const int SectorForward = 0, SectorBackward = 1, TechnologyForward = 2, TechnologyBackward = 3, InYourTarget = 4,
        TheyTargetYou = 5, SameCountry = 6, ChainForward = 7, ChainBackward = 8, PartnersForward = 9, PartnersBackward = 10,
        /// <summary>The same for every candidate: meeting by chance, which leaves the ranking to the attachment.</summary>
        Anyone = 11;

    public const int Count = 12;

    /// <summary>The signals of the touched candidates: <c>Values[c * Count + k]</c> is signal k of <c>Candidates[c]</c>.</summary>
    public sealed record Collected(int[] Candidates, double[] Values, int[] SharedTerms);

    [ThreadStatic] private static double[]? _values;
    [ThreadStatic] private static int[]? _shared;
    [ThreadStatic] private static bool[]? _seen;

    public static Collected Collect(RecommenderGraph graph, int node)
    {
        var n = graph.Count;
        if (_values is null || _seen!.Length < n)
        {
            _values = new double[n * Count];
            _shared = new int[n];
            _seen = new bool[n];
        }
        var values = _values;
        var shared = _shared!;
        var seen = _seen;
        var touched = new List<int>(1024);
        var me = graph.Nodes[node];
        void Touch(int j)
        {
            if (!seen[j])
            {
                seen[j] = true;
                touched.Add(j);
            }
        }
        void Terms(IReadOnlyDictionary<int, int[]> index, int[] mine, Func<ClusterFeatures, int> theirCount, int forward, int backward)
        {
            foreach (var term in mine)
            {
                if (!index.TryGetValue(term, out var holders))
                {
                    continue;
                }
                var share = 1.0 / holders.Length;
                foreach (var j in holders)
                {
                    Touch(j);
                    shared[j]++;
                    if (forward >= 0)
                    {
                        values[j * Count + forward] += share / mine.Length;
                        values[j * Count + backward] += share / theirCount(graph.Nodes[j]);
                    }
                }
            }
        }
        Terms(graph.BySector, me.Sectors, f => f.Sectors.Length, SectorForward, SectorBackward);
        Terms(graph.ByTechnology, me.Technologies, f => f.Technologies.Length, TechnologyForward, TechnologyBackward);
        Terms(graph.ByS3, me.S3Areas, _ => 1, -1, -1);
        Terms(graph.ByEmerging, me.EmergingIndustries, _ => 1, -1, -1);
        foreach (var target in me.TargetCountries)
        {
            if (graph.ByCountry.TryGetValue(target, out var there))
            {
                var share = 1.0 / (me.TargetCountries.Length * there.Length);
                foreach (var j in there)
                {
                    Touch(j);
                    values[j * Count + InYourTarget] += share;
                }
            }
        }
        if (me.Country is not null)
        {
            var here = graph.ByCountry.GetValueOrDefault(me.Country) ?? [];
            foreach (var j in graph.ByTarget.GetValueOrDefault(me.Country) ?? [])
            {
                Touch(j);
                values[j * Count + TheyTargetYou] += 1.0 / (graph.Nodes[j].TargetCountries.Length * Math.Max(1, here.Length));
            }
            foreach (var j in here)
            {
                Touch(j);
                values[j * Count + SameCountry] += 1.0 / here.Length;
            }
        }
        // Value chains: from each of my sectors to its neighbouring sectors' holders (forward: I look along my chain;
        // backward: they look along theirs and find my sector).
        var myComplements = graph.ComplementCount[node];
        foreach (var sector in me.Sectors)
        {
            var mineHeld = graph.BySector.GetValueOrDefault(sector)?.Length ?? 1;
            foreach (var next in graph.ComplementarySectors.GetValueOrDefault(sector) ?? [])
            {
                if (!graph.BySector.TryGetValue(next, out var holders))
                {
                    continue;
                }
                foreach (var j in holders)
                {
                    Touch(j);
                    values[j * Count + ChainForward] += 1.0 / (myComplements * holders.Length);
                    values[j * Count + ChainBackward] += 1.0 / (Math.Max(1, graph.ComplementCount[j]) * mineHeld);
                }
            }
        }
        var partners = graph.Neighbours[node];
        foreach (var partner in partners)
        {
            var theirs = graph.Neighbours[partner];
            foreach (var j in theirs)
            {
                Touch(j);
                values[j * Count + PartnersForward] += 1.0 / ((double)partners.Length * theirs.Length);
                values[j * Count + PartnersBackward] += 1.0 / (Math.Max(1, graph.Neighbours[j].Length) * (double)theirs.Length);
            }
        }
        var candidates = touched.ToArray();
        var result = new double[candidates.Length * Count];
        var sharedTerms = new int[candidates.Length];
        for (var c = 0; c < candidates.Length; c++)
        {
            var j = candidates[c];
            values[j * Count + Anyone] = 1.0 / n;
            Array.Copy(values, j * Count, result, c * Count, Count);
            Array.Clear(values, j * Count, Count);
            sharedTerms[c] = shared[j];
            shared[j] = 0;
            seen[j] = false;
        }
        return new Collected(candidates, result, sharedTerms);
    }
}
