namespace ClusterAtlas.Network;

/// <summary>
/// How "clusters you could work with" weighs its signals: score = (partners + 1)^Attachment × (1 + shared terms)^Affinity
/// × Σ Signals[k] × signal k (<see cref="RecommenderSignals"/>). <see cref="Learned"/> was found by coordinate search on a
/// validation split of another network's training collaborations (bench/RecommendBench, <c>tune</c>), never on the
/// collaborations the benchmark holds out.
/// </summary>
public sealed record RecommenderWeights(double[] Signals, double Attachment, double Affinity)
{
    public static readonly RecommenderWeights Learned = new(
        [1, 0.5, 0.5, 0.5, 0.5, 0.25, 1, 0.5, 0.5, 0.0156, 0.5, 0.125], 1.05, 0.9);

    public double Score(RecommenderSignals.Collected collected, int candidate, int partners)
    {
        var sum = 0.0;
        var offset = candidate * RecommenderSignals.Count;
        for (var k = 0; k < RecommenderSignals.Count; k++)
        {
            sum += Signals[k] * collected.Values[offset + k];
        }
        return sum * Math.Pow(partners + 1, Attachment) * Math.Pow(1 + collected.SharedTerms[candidate], Affinity);
    }
}
