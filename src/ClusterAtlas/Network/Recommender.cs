namespace ClusterAtlas.Network;

/// <summary>
/// Recommends profiles. "Clusters you could work with" scores every profile that shares something with the one asked
/// for by the chances that either side would come upon the other (<see cref="RecommenderSignals"/>), weighted as
/// learned (<see cref="RecommenderWeights"/>), so a recommendation costs the size of its own lists, not of the
/// directory. "Similar clusters" weigh only what the two profiles are: shared terms by their rarity (idf), size and label.
/// Current partners and dismissed profiles are excluded; reasons are computed for the shown ones only.
/// </summary>
public static class Recommender
{
    private const double SectorWeight = 1.0, TechnologyWeight = 1.2, S3Weight = 0.6, EmergingWeight = 0.7;

    public static IReadOnlyList<Recommendation> Recommend(RecommenderGraph graph, int node, int count, bool similarOnly,
        IReadOnlySet<int>? excluded = null, RecommenderWeights? weights = null)
    {
        var mine = graph.Neighbours[node];
        var best = new PriorityQueue<int, double>(count + 1);
        void Offer(int j, double score)
        {
            if (best.Count == count && best.TryPeek(out _, out var lowest) && score <= lowest)
            {
                return;
            }
            if (j == node || score <= 0 || Array.BinarySearch(mine, j) >= 0 || excluded?.Contains(j) == true)
            {
                return;
            }
            best.Enqueue(j, score);
            if (best.Count > count)
            {
                best.Dequeue();
            }
        }
        if (similarOnly)
        {
            var similarity = Similarity(graph, node);
            for (var t = 0; t < similarity.Touched.Count; t++)
            {
                var j = similarity.Touched[t];
                Offer(j, similarity.Peek(j)[0] * Adjustment(graph.Nodes, node, j));
            }
            similarity.Clear();
        }
        else
        {
            var used = weights ??= RecommenderWeights.Learned;
            RecommenderSignals.Visit(graph, node, (j, signals, shared) => Offer(j, used.Score(signals, shared, graph.Neighbours[j].Length)));
        }
        var result = new List<Recommendation>(best.Count);
        while (best.TryDequeue(out var j, out var score))
        {
            result.Add(new Recommendation(j, score, similarOnly ? SimilarReasons(graph, node, j) : Reasons(graph, node, j, weights!)));
        }
        result.Reverse();
        return result;
    }

    [ThreadStatic] private static SparseScores? _similarity;

    /// <summary>Every profile sharing a term with <paramref name="node"/>, scored by the shared terms' rarity (cleared by the caller).</summary>
    private static SparseScores Similarity(RecommenderGraph graph, int node)
    {
        var n = graph.Count;
        var me = graph.Nodes[node];
        var scores = (_similarity ??= new SparseScores(1)).For(n);
        void Shared(IReadOnlyDictionary<int, int[]> index, int[] terms, double weight)
        {
            foreach (var term in terms)
            {
                if (index.TryGetValue(term, out var holders))
                {
                    var idf = Idf(n, holders.Length);
                    foreach (var j in holders)
                    {
                        scores.Row(j)[0] += weight * idf;
                    }
                }
            }
        }
        Shared(graph.BySector, me.Sectors, SectorWeight);
        Shared(graph.ByTechnology, me.Technologies, TechnologyWeight);
        Shared(graph.ByS3, me.S3Areas, S3Weight);
        Shared(graph.ByEmerging, me.EmergingIndustries, EmergingWeight);
        return scores;
    }

    private static double Idf(int n, int holders) => Math.Log(1 + (double)n / Math.Max(1, holders));

    /// <summary>Clusters of a similar size and both labelled are a little more alike; never enough to make a recommendation alone.</summary>
    private static double Adjustment(ClusterFeatureColumns nodes, int me, int other) =>
        (SimilarSize(nodes.Members(me), nodes.Members(other)) ? 1.1 : 1.0) * (nodes.Labelled(me) && nodes.Labelled(other) ? 1.05 : 1.0);

    private static bool SimilarSize(int? a, int? b) =>
        a is > 0 && b is > 0 && Math.Abs(Math.Log((double)a.Value / b.Value)) < Math.Log(2);

    private static List<Reason> SharedTerms(RecommenderGraph graph, ClusterFeatures me, ClusterFeatures them, Func<int[], int[], int, double> weight)
    {
        var reasons = new List<Reason>();
        void Shared(ReasonKind kind, IReadOnlyDictionary<int, int[]> index, int[] mine, int[] theirs)
        {
            foreach (var term in mine.Intersect(theirs))
            {
                reasons.Add(new Reason(kind, weight(mine, theirs, index.GetValueOrDefault(term)?.Length ?? 1), TermId: term));
            }
        }
        Shared(ReasonKind.SharedSector, graph.BySector, me.Sectors, them.Sectors);
        Shared(ReasonKind.SharedTechnology, graph.ByTechnology, me.Technologies, them.Technologies);
        Shared(ReasonKind.SharedS3Area, graph.ByS3, me.S3Areas, them.S3Areas);
        Shared(ReasonKind.SharedEmergingIndustry, graph.ByEmerging, me.EmergingIndustries, them.EmergingIndustries);
        return reasons;
    }

    private static IReadOnlyList<Reason> SimilarReasons(RecommenderGraph graph, int node, int other)
    {
        var me = graph.Nodes[node];
        var them = graph.Nodes[other];
        var reasons = SharedTerms(graph, me, them, (_, _, holders) => Idf(graph.Count, holders));
        if (SimilarSize(me.Members, them.Members))
        {
            reasons.Add(new Reason(ReasonKind.SimilarSize, 0.1));
        }
        if (me.Labelled && them.Labelled)
        {
            reasons.Add(new Reason(ReasonKind.BothLabelled, 0.05));
        }
        return [.. reasons.OrderByDescending(r => r.Weight)];
    }

    /// <summary>The reasons of one "could work with" recommendation, strongest first, each weighing what its signal added.</summary>
    public static IReadOnlyList<Reason> Reasons(RecommenderGraph graph, int node, int other, RecommenderWeights weights)
    {
        var me = graph.Nodes[node];
        var them = graph.Nodes[other];
        var partners = graph.Neighbours[other].Length;
        double Weigh(int signal, double value) => weights.Weigh(signal, value, partners);
        // A shared term weighs what it adds through sectors (or technologies: the larger); S3 areas and emerging
        // industries only make a pair more alike, so they come after.
        var reasons = SharedTerms(graph, me, them, (mine, theirs, holders) =>
            Math.Max(Weigh(RecommenderSignals.SectorForward, 1.0 / (mine.Length * holders)), Weigh(RecommenderSignals.TechnologyForward, 1.0 / (mine.Length * holders)))
            + Math.Max(Weigh(RecommenderSignals.SectorBackward, 1.0 / (theirs.Length * holders)), Weigh(RecommenderSignals.TechnologyBackward, 1.0 / (theirs.Length * holders))));
        for (var r = 0; r < reasons.Count; r++)
        {
            if (reasons[r].Kind is ReasonKind.SharedS3Area or ReasonKind.SharedEmergingIndustry)
            {
                reasons[r] = reasons[r] with { Weight = reasons[r].Weight / 10 };
            }
        }
        int Held(string? country) => country is null ? 1 : graph.ByCountry.GetValueOrDefault(country)?.Length ?? 1;
        var complements = me.Sectors.SelectMany(s => graph.ComplementarySectors.GetValueOrDefault(s) ?? []).Except(me.Sectors).Distinct();
        foreach (var term in complements.Intersect(them.Sectors))
        {
            var share = 1.0 / (Math.Max(1, graph.ComplementCount[node]) * (graph.BySector.GetValueOrDefault(term)?.Length ?? 1));
            reasons.Add(new Reason(ReasonKind.ComplementarySector,
                Weigh(RecommenderSignals.ChainForward, share) + Weigh(RecommenderSignals.ChainBackward, share), TermId: term));
        }
        if (them.Country is not null && me.TargetCountries.Contains(them.Country))
        {
            reasons.Add(new Reason(ReasonKind.InYourTargetCountry, Weigh(RecommenderSignals.InYourTarget, 1.0 / (me.TargetCountries.Length * Held(them.Country))), Country: them.Country));
        }
        if (me.Country is not null && them.TargetCountries.Contains(me.Country))
        {
            reasons.Add(new Reason(ReasonKind.TheyTargetYourCountry, Weigh(RecommenderSignals.TheyTargetYou, 1.0 / (them.TargetCountries.Length * Held(me.Country))), Country: me.Country));
        }
        var common = graph.Neighbours[node].Intersect(graph.Neighbours[other]).ToList();
        if (common.Count > 0)
        {
            var allocation = common.Sum(z => 1.0 / graph.Neighbours[z].Length);
            var pull = common.Sum(z => 1.0 / graph.PartnersPull[z]);
            reasons.Add(new Reason(ReasonKind.CommonPartners,
                Weigh(RecommenderSignals.PartnersForward, allocation / graph.Neighbours[node].Length)
                    + Weigh(RecommenderSignals.PartnersBackward, allocation / Math.Max(1, partners))
                    + Weigh(RecommenderSignals.PullForward, pull / graph.Neighbours[node].Length)
                    + Weigh(RecommenderSignals.PullBackward, pull / Math.Max(1, partners)), Count: common.Count));
        }
        if (me.Country is not null && me.Country == them.Country)
        {
            reasons.Add(new Reason(ReasonKind.SameCountry, Weigh(RecommenderSignals.SameCountry, 1.0 / Held(me.Country)), Country: me.Country));
        }
        // Both targeting one country is not a way clusters meet in the model, only a hint worth saying last.
        var sharedTarget = me.TargetCountries.Intersect(them.TargetCountries).FirstOrDefault();
        if (sharedTarget is not null)
        {
            reasons.Add(new Reason(ReasonKind.SharedTargetCountry, 0, Country: sharedTarget));
        }
        return [.. reasons.OrderByDescending(r => r.Weight)];
    }
}
