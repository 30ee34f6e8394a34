namespace ClusterAtlas.Network;

/// <summary>
/// How "clusters you could work with" weighs its signals: score = (1 + shared terms)^Affinity ×
/// [(partners + 1)^Attachment × Σ forward Signals[k] × signal k + (partners + 1)^AttachmentBackward × Σ backward ones]
/// (<see cref="RecommenderSignals"/>; partners are the candidate's). The two exponents differ because the candidate's
/// partners mean different things: when the asker looks, a well-connected candidate is likelier to be chosen; when the
/// candidate looks, its partners count how often it looks. <see cref="Learned"/> was found by coordinate search on the
/// held-out collaborations of three networks of other seeds (bench/RecommendBench, <c>tune 1000 3 7</c>), never on
/// the collaborations the benchmark holds out.
/// </summary>
public sealed record RecommenderWeights(double[] Signals, double Attachment, double Affinity, double AttachmentBackward)
{
    public static readonly RecommenderWeights Learned = new(
        [0.5102, 0.49, 0.175, 0.5102, 0.3571, 0.49, 1, 0.3571, 0.5, 0.25, 0.3572, 0.0027, 0.7143, 0.49], 0.6, 0.9, 0.5);

    /// <summary>Where learning starts: every signal alike, attachment as the demo model's (0.8), one more shared term one more chance.</summary>
    public static readonly RecommenderWeights Prior = new([.. Enumerable.Repeat(1.0, RecommenderSignals.Count)], 0.8, 1, 0.8);

    public double Score(ReadOnlySpan<double> signals, int sharedTerms, int partners)
    {
        double forward = 0, backward = 0;
        for (var k = 0; k < RecommenderSignals.Count; k++)
        {
            if (RecommenderSignals.Backward[k])
            {
                backward += Signals[k] * signals[k];
            }
            else
            {
                forward += Signals[k] * signals[k];
            }
        }
        return (forward * Math.Pow(partners + 1, Attachment) + backward * Math.Pow(partners + 1, AttachmentBackward)) * Math.Pow(1 + sharedTerms, Affinity);
    }

    /// <summary>What a signal's value adds to the score of a candidate with <paramref name="partners"/> partners, before the affinity.</summary>
    public double Weigh(int signal, double value, int partners) =>
        Signals[signal] * value * Math.Pow(partners + 1, RecommenderSignals.Backward[signal] ? AttachmentBackward : Attachment);

    public double Score(RecommenderSignals.Collected collected, int candidate, int partners) =>
        Score(collected.Values.AsSpan(candidate * RecommenderSignals.Count, RecommenderSignals.Count), collected.SharedTerms[candidate], partners);
}
