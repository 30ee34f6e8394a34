namespace ClusterAtlas.Network;

/// <summary>
/// The signals "clusters you could work with" is scored from, for every profile that shares something with the one
/// asked for. Each is the chance that one side would come upon the other through one way clusters meet: through a
/// sector or technology field (1 / the number of profiles holding it, shared over the asker's own terms), a country
/// targeted, the same country, a neighbouring link of a value chain, a partner's partner (resource allocation); once
/// from the asker's side ("forward") and once from the candidate's ("backward"). Collected by walking only the
/// inverted lists of the asker's own terms, countries and partners (their most connected first, see <see cref="MaxWalked"/>):
/// a profile nothing leads to is never scored,
/// so every recommendation has a reason to give.
/// </summary>
public static class RecommenderSignals
{
    public const int SectorForward = 0, SectorBackward = 1, TechnologyForward = 2, TechnologyBackward = 3, InYourTarget = 4,
        TheyTargetYou = 5, SameCountry = 6, ChainForward = 7, ChainBackward = 8, PartnersForward = 9, PartnersBackward = 10,
        /// <summary>The same for every candidate: meeting by chance, which leaves the ranking to the attachment.</summary>
        Anyone = 11,
        /// <summary>
        /// A partner's partner, each partner's share taken by pull rather than by count: among a partner's partners,
        /// the well-connected ones are met first (<see cref="RecommenderGraph.PartnersPull"/>).
        /// </summary>
        PullForward = 12, PullBackward = 13;

    public const int Count = 14;

    /// <summary>The signals of the candidate coming upon the asker (the others: the asker coming upon the candidate, or either).</summary>
    public static readonly bool[] Backward = [.. Enumerable.Range(0, Count).Select(k => k is SectorBackward or TechnologyBackward or TheyTargetYou or ChainBackward or PartnersBackward or PullBackward)];

    /// <summary>The signals of the touched candidates: <c>Values[c * Count + k]</c> is signal k of <c>Candidates[c]</c>.</summary>
    public sealed record Collected(int[] Candidates, double[] Values, int[] SharedTerms);

    /// <summary>Called once per candidate with its signals (valid during the call only) and the number of terms both hold.</summary>
    public delegate void CandidateVisitor(int candidate, ReadOnlySpan<double> signals, int sharedTerms);

    /// <summary>
    /// How far down each list (held most connected first) a recommendation walks: a profile only in long lists gets
    /// little from each, so beyond the first few thousand only well-connected ones could still rank, and they come first.
    /// </summary>
    public const int MaxWalked = 1500;

    /// <summary>The signals of every candidate, copied out (for learning the weights).</summary>
    public static Collected Collect(RecommenderGraph graph, int node)
    {
        var candidates = new List<int>();
        var values = new List<double>();
        var shared = new List<int>();
        Visit(graph, node, (j, signals, terms) =>
        {
            candidates.Add(j);
            foreach (var value in signals)
            {
                values.Add(value);
            }
            shared.Add(terms);
        });
        return new Collected([.. candidates], [.. values], [.. shared]);
    }

    /// <summary>Each touched candidate's signals, then the number of terms both hold.</summary>
    [ThreadStatic] private static SparseScores? _scores;

    private const int SharedTermsColumn = Count;

    public static void Visit(RecommenderGraph graph, int node, CandidateVisitor visit)
    {
        var n = graph.Count;
        var scores = (_scores ??= new SparseScores(Count + 1)).For(n);
        var me = graph.Nodes[node];
        static ReadOnlySpan<int> Walked(int[] list) => list.AsSpan(0, Math.Min(list.Length, MaxWalked));
        void Terms(IReadOnlyDictionary<int, int[]> index, int[] mine, bool sectors, int forward, int backward)
        {
            foreach (var term in mine)
            {
                if (!index.TryGetValue(term, out var holders))
                {
                    continue;
                }
                var share = 1.0 / holders.Length;
                foreach (var j in Walked(holders))
                {
                    var row = scores.Row(j);
                    row[SharedTermsColumn]++;
                    if (forward >= 0)
                    {
                        var theirs = sectors ? graph.Nodes.Sectors(j).Length : graph.Nodes.Technologies(j).Length;
                        row[forward] += share / mine.Length;
                        row[backward] += share / theirs;
                    }
                }
            }
        }
        Terms(graph.BySector, me.Sectors, true, SectorForward, SectorBackward);
        Terms(graph.ByTechnology, me.Technologies, false, TechnologyForward, TechnologyBackward);
        Terms(graph.ByS3, me.S3Areas, false, -1, -1);
        Terms(graph.ByEmerging, me.EmergingIndustries, false, -1, -1);
        foreach (var target in me.TargetCountries)
        {
            if (graph.ByCountry.TryGetValue(target, out var there))
            {
                var share = 1.0 / (me.TargetCountries.Length * there.Length);
                foreach (var j in Walked(there))
                {
                    scores.Row(j)[InYourTarget] += share;
                }
            }
        }
        if (me.Country is not null)
        {
            var here = graph.ByCountry.GetValueOrDefault(me.Country) ?? [];
            foreach (var j in Walked(graph.ByTarget.GetValueOrDefault(me.Country) ?? []))
            {
                scores.Row(j)[TheyTargetYou] += 1.0 / (graph.Nodes.TargetCountries(j).Length * Math.Max(1, here.Length));
            }
            foreach (var j in Walked(here))
            {
                scores.Row(j)[SameCountry] += 1.0 / here.Length;
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
                foreach (var j in Walked(holders))
                {
                    var row = scores.Row(j);
                    row[ChainForward] += 1.0 / (myComplements * holders.Length);
                    row[ChainBackward] += 1.0 / (Math.Max(1, graph.ComplementCount[j]) * mineHeld);
                }
            }
        }
        var partners = graph.Neighbours[node];
        foreach (var partner in partners)
        {
            var theirs = graph.Neighbours[partner];
            var pull = graph.PartnersPull[partner];
            foreach (var j in theirs)
            {
                var row = scores.Row(j);
                var degree = Math.Max(1, graph.Neighbours[j].Length);
                row[PartnersForward] += 1.0 / ((double)partners.Length * theirs.Length);
                row[PartnersBackward] += 1.0 / (degree * (double)theirs.Length);
                row[PullForward] += 1.0 / (partners.Length * pull);
                row[PullBackward] += 1.0 / (degree * pull);
            }
        }
        for (var t = 0; t < scores.Touched.Count; t++)
        {
            var j = scores.Touched[t];
            var row = scores.Row(j);
            row[Anyone] = 1.0 / n;
            visit(j, row[..Count], (int)row[SharedTermsColumn]);
        }
        scores.Clear();
    }
}
