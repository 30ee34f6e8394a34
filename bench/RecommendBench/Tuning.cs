using System.Globalization;
using ClusterAtlas.Network;

namespace RecommendBench;

/// <summary>
/// Learns the recommender's weights without seeing the benchmark's held-out collaborations: on a network of another
/// seed, 20 % of the collaborations are held out as that network's test set and left alone, 20 % of the rest are
/// held out as the validation set, and a coordinate search (each weight in turn times 1/4, 1/2, 0.7, 1.4, 2, 4; the
/// exponents ±0.05, ±0.1, ±0.25) maximises recall@10 + nDCG@10 on the validation set. Prints the weights as C#.
/// </summary>
public static class Tuning
{
    public static void Run(int profiles, int queries, int seed)
    {
        var random = new Random(seed);
        var network = BenchNetwork.Generate(profiles, seed);
        var (training, _) = BenchNetwork.HoldOut(network.Full, 0.2, random);
        var (fitting, validation) = BenchNetwork.HoldOut(training, 0.2, random);
        var graph = new RecommenderGraph(network.Nodes, fitting, network.Complements);
        var asked = Enumerable.Range(0, profiles).Where(i => validation[i].Count > 0).OrderBy(_ => random.Next()).Take(queries).ToList();
        var collected = asked.Select(i => (Node: i, Signals: RecommenderSignals.Collect(graph, i))).ToList();
        double Objective(RecommenderWeights weights)
        {
            double total = 0;
            foreach (var (node, signals) in collected)
            {
                var best = new PriorityQueue<int, double>(11);
                for (var c = 0; c < signals.Candidates.Length; c++)
                {
                    var j = signals.Candidates[c];
                    if (j == node || Array.BinarySearch(graph.Neighbours[node], j) >= 0)
                    {
                        continue;
                    }
                    best.Enqueue(j, weights.Score(signals, c, graph.Neighbours[j].Length));
                    if (best.Count > 10)
                    {
                        best.Dequeue();
                    }
                }
                var top = new List<int>(10);
                while (best.TryDequeue(out var j, out _))
                {
                    top.Add(j);
                }
                top.Reverse();
                var (recall, ndcg) = Metrics.Of(top, validation[node]);
                total += recall + ndcg;
            }
            return total / collected.Count;
        }
        var current = RecommenderWeights.Learned with { Signals = [.. RecommenderWeights.Learned.Signals] };
        var score = Objective(current);
        Console.WriteLine($"tuning on profiles={profiles} seed={seed} validation queries={collected.Count}: start {score:0.0000}");
        for (var round = 0; round < 10; round++)
        {
            var improved = false;
            for (var k = 0; k < RecommenderSignals.Count + 2; k++)
            {
                IEnumerable<RecommenderWeights> tries = k < RecommenderSignals.Count
                    ? new[] { 0.25, 0.5, 0.7, 1.4, 2, 4 }.Select(f => current with { Signals = [.. current.Signals.Select((w, i) => i == k ? w * f : w)] })
                    : new[] { -0.25, -0.1, -0.05, 0.05, 0.1, 0.25 }.Select(d => k == RecommenderSignals.Count
                        ? current with { Attachment = Math.Max(0, current.Attachment + d) }
                        : current with { Affinity = Math.Max(0, current.Affinity + d) });
                foreach (var candidate in tries)
                {
                    var value = Objective(candidate);
                    if (value > score + 1e-6)
                    {
                        (current, score, improved) = (candidate, value, true);
                    }
                }
            }
            Console.WriteLine($"round {round + 1}: {score:0.0000}");
            if (!improved)
            {
                break;
            }
        }
        var inv = CultureInfo.InvariantCulture;
        var largest = current.Signals.Max();
        Console.WriteLine("new(");
        Console.WriteLine($"    [{string.Join(", ", current.Signals.Select(w => (w / largest).ToString("0.####", inv)))}],");
        Console.WriteLine($"    {current.Attachment.ToString("0.##", inv)}, {current.Affinity.ToString("0.##", inv)});");
    }
}
