namespace ClusterAtlas.Network;

/// <summary>
/// How "clusters you could work with" weighs its signals: score = (partners + 1)^Attachment × (1 + shared terms)^Affinity
/// × Σ Signals[k] × signal k (<see cref="RecommenderSignals"/>). <see cref="Learned"/> was found by coordinate search on a
/// the held-out collaborations of three networks of other seeds (bench/RecommendBench, <c>tune 1000 3 7</c>),
/// never on the collaborations the benchmark holds out.
/// </summary>
public sealed record RecommenderWeights(double[] Signals, double Attachment, double Affinity)
{
    public static readonly RecommenderWeights Learned = new(
        [0.7143, 0.686, 0.0875, 0.7143, 0.5, 1, 1, 0.3571, 0.25, 0.5, 0.7143, 0.25], 0.6, 0.9);

    /// <summary>Where learning starts: every signal alike, attachment as the demo model's (0.8), one more shared term one more chance.</summary>
    public static readonly RecommenderWeights Prior = new([.. Enumerable.Repeat(1.0, RecommenderSignals.Count)], 0.8, 1);

    public double Score(ReadOnlySpan<double> signals, int sharedTerms, int partners)
    {
        var sum = 0.0;
        for (var k = 0; k < RecommenderSignals.Count; k++)
        {
            sum += Signals[k] * signals[k];
        }
        return sum * Math.Pow(partners + 1, Attachment) * Math.Pow(1 + sharedTerms, Affinity);
    }

    public double Score(RecommenderSignals.Collected collected, int candidate, int partners) =>
        Score(collected.Values.AsSpan(candidate * RecommenderSignals.Count, RecommenderSignals.Count), collected.SharedTerms[candidate], partners);
}
