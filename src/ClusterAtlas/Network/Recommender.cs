namespace ClusterAtlas.Network;

/// <summary>
/// Scores every profile that shares something with the one asked for, walking only the inverted indexes of its own
/// terms, countries and partners (so a recommendation costs the size of those lists, not of the directory), and keeps
/// the best. Shared terms count by their rarity (a rare technology says more than a common sector); complementary
/// sectors, target countries and common partners (Adamic–Adar) add to it; size and label adjust it a little.
/// "Similar clusters" weigh only what the two profiles are; "clusters you could work with" weigh what they could do together.
/// </summary>
public static class Recommender
{
    private const double SectorWeight = 1.0, TechnologyWeight = 1.2, S3Weight = 0.6, EmergingWeight = 0.7;
    private const double ComplementWeight = 0.8, YourTargetWeight = 1.6, TheirTargetWeight = 1.2, SharedTargetWeight = 0.25;
    private const double AdamicAdarWeight = 4, SameCountryWeight = 0.6;

    public static IReadOnlyList<Recommendation> Recommend(RecommenderGraph graph, int node, int count, bool similarOnly, IReadOnlySet<int>? excluded = null)
    {
        var n = graph.Count;
        var scores = new double[n];
        var touched = new List<int>(1024);
        var me = graph.Nodes[node];
        void Add(int j, double value)
        {
            if (scores[j] == 0)
            {
                touched.Add(j);
            }
            scores[j] += value;
        }
        void Shared(IReadOnlyDictionary<int, int[]> index, int[] terms, double weight)
        {
            foreach (var term in terms)
            {
                if (index.TryGetValue(term, out var holders))
                {
                    var idf = Idf(n, holders.Length);
                    foreach (var j in holders)
                    {
                        Add(j, weight * idf);
                    }
                }
            }
        }
        Shared(graph.BySector, me.Sectors, SectorWeight);
        Shared(graph.ByTechnology, me.Technologies, TechnologyWeight);
        Shared(graph.ByS3, me.S3Areas, S3Weight);
        Shared(graph.ByEmerging, me.EmergingIndustries, EmergingWeight);
        if (!similarOnly)
        {
            Shared(graph.BySector, Complements(graph, me), ComplementWeight);
            foreach (var target in me.TargetCountries)
            {
                foreach (var j in graph.ByCountry.GetValueOrDefault(target) ?? [])
                {
                    Add(j, YourTargetWeight);
                }
                foreach (var j in graph.ByTarget.GetValueOrDefault(target) ?? [])
                {
                    Add(j, SharedTargetWeight);
                }
            }
            if (me.Country is not null)
            {
                foreach (var j in graph.ByTarget.GetValueOrDefault(me.Country) ?? [])
                {
                    Add(j, TheirTargetWeight);
                }
                foreach (var j in graph.ByCountry.GetValueOrDefault(me.Country) ?? [])
                {
                    Add(j, SameCountryWeight);
                }
            }
            foreach (var partner in graph.Neighbours[node])
            {
                var weight = AdamicAdarWeight / Math.Log(Math.Max(2, graph.Neighbours[partner].Length));
                foreach (var j in graph.Neighbours[partner])
                {
                    Add(j, weight);
                }
            }
        }
        var mine = graph.Neighbours[node];
        var best = new PriorityQueue<int, double>(count + 1);
        foreach (var j in touched)
        {
            if (j == node || Array.BinarySearch(mine, j) >= 0 || excluded?.Contains(j) == true)
            {
                continue;
            }
            // Well-connected clusters take on partners more readily (preferential attachment), for "work with" only.
            var score = scores[j] * Adjustment(me, graph.Nodes[j]) * (similarOnly ? 1 : Math.Sqrt(graph.Neighbours[j].Length + 1));
            best.Enqueue(j, score);
            if (best.Count > count)
            {
                best.Dequeue();
            }
        }
        var result = new List<Recommendation>(best.Count);
        while (best.TryDequeue(out var j, out var score))
        {
            result.Add(new Recommendation(j, score, Reasons(graph, node, j, similarOnly)));
        }
        result.Reverse();
        return result;
    }

    private static double Idf(int n, int holders) => Math.Log(1 + (double)n / Math.Max(1, holders));

    private static int[] Complements(RecommenderGraph graph, ClusterFeatures me) =>
        [.. me.Sectors.SelectMany(s => graph.ComplementarySectors.GetValueOrDefault(s) ?? []).Except(me.Sectors).Distinct()];

    /// <summary>Clusters of a similar size and both labelled fit a little better; never enough to make a recommendation alone.</summary>
    private static double Adjustment(ClusterFeatures me, ClusterFeatures other) =>
        (SimilarSize(me, other) ? 1.1 : 1.0) * (me.Labelled && other.Labelled ? 1.05 : 1.0);

    private static bool SimilarSize(ClusterFeatures a, ClusterFeatures b) =>
        a.Members is > 0 && b.Members is > 0 && Math.Abs(Math.Log((double)a.Members.Value / b.Members.Value)) < Math.Log(2);

    /// <summary>The reasons of one recommendation, strongest first: only computed for the few shown.</summary>
    public static IReadOnlyList<Reason> Reasons(RecommenderGraph graph, int node, int other, bool similarOnly)
    {
        var n = graph.Count;
        var me = graph.Nodes[node];
        var them = graph.Nodes[other];
        var reasons = new List<Reason>();
        void Shared(ReasonKind kind, IReadOnlyDictionary<int, int[]> index, int[] mine, int[] theirs, double weight)
        {
            foreach (var term in mine.Intersect(theirs))
            {
                reasons.Add(new Reason(kind, weight * Idf(n, index.GetValueOrDefault(term)?.Length ?? 1), TermId: term));
            }
        }
        Shared(ReasonKind.SharedSector, graph.BySector, me.Sectors, them.Sectors, SectorWeight);
        Shared(ReasonKind.SharedTechnology, graph.ByTechnology, me.Technologies, them.Technologies, TechnologyWeight);
        Shared(ReasonKind.SharedS3Area, graph.ByS3, me.S3Areas, them.S3Areas, S3Weight);
        Shared(ReasonKind.SharedEmergingIndustry, graph.ByEmerging, me.EmergingIndustries, them.EmergingIndustries, EmergingWeight);
        if (!similarOnly)
        {
            foreach (var term in Complements(graph, me).Intersect(them.Sectors))
            {
                reasons.Add(new Reason(ReasonKind.ComplementarySector, ComplementWeight * Idf(n, graph.BySector.GetValueOrDefault(term)?.Length ?? 1), TermId: term));
            }
            if (them.Country is not null && me.TargetCountries.Contains(them.Country))
            {
                reasons.Add(new Reason(ReasonKind.InYourTargetCountry, YourTargetWeight, Country: them.Country));
            }
            if (me.Country is not null && them.TargetCountries.Contains(me.Country))
            {
                reasons.Add(new Reason(ReasonKind.TheyTargetYourCountry, TheirTargetWeight, Country: me.Country));
            }
            var sharedTargets = me.TargetCountries.Intersect(them.TargetCountries).ToList();
            if (sharedTargets.Count > 0)
            {
                reasons.Add(new Reason(ReasonKind.SharedTargetCountry, SharedTargetWeight * sharedTargets.Count, Country: sharedTargets[0]));
            }
            var common = graph.Neighbours[node].Intersect(graph.Neighbours[other]).ToList();
            if (common.Count > 0)
            {
                reasons.Add(new Reason(ReasonKind.CommonPartners,
                    common.Sum(z => AdamicAdarWeight / Math.Log(Math.Max(2, graph.Neighbours[z].Length))), Count: common.Count));
            }
            if (me.Country is not null && me.Country == them.Country)
            {
                reasons.Add(new Reason(ReasonKind.SameCountry, SameCountryWeight, Country: me.Country));
            }
        }
        if (SimilarSize(me, them))
        {
            reasons.Add(new Reason(ReasonKind.SimilarSize, 0.1));
        }
        if (me.Labelled && them.Labelled)
        {
            reasons.Add(new Reason(ReasonKind.BothLabelled, 0.05));
        }
        return [.. reasons.OrderByDescending(r => r.Weight)];
    }
}
