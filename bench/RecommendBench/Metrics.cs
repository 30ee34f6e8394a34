namespace RecommendBench;

/// <summary>Recall@10 and nDCG@10 of one top-10 list against one profile's held-out collaborations.</summary>
public static class Metrics
{
    public static (double Recall, double Ndcg) Of(IReadOnlyList<int> top, IReadOnlySet<int> relevant)
    {
        var hits = 0;
        var dcg = 0.0;
        for (var rank = 0; rank < top.Count; rank++)
        {
            if (relevant.Contains(top[rank]))
            {
                hits++;
                dcg += 1 / Math.Log2(rank + 2);
            }
        }
        var ideal = Enumerable.Range(0, Math.Min(10, relevant.Count)).Sum(rank => 1 / Math.Log2(rank + 2));
        return ((double)hits / relevant.Count, dcg / ideal);
    }
}
