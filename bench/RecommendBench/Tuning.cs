using System.Globalization;
using ClusterAtlas.Network;

namespace RecommendBench;

/// <summary>
/// Learns the recommender's weights without seeing the benchmark's held-out collaborations: on networks of other
/// seeds (the benchmark's is 2026), built the same way with 20 % of each profile's collaborations held out, a
/// coordinate search from the weights in use (<see cref="RecommenderWeights.Learned"/>, or with TUNE_FROM=prior from
/// <see cref="RecommenderWeights.Prior"/>; each weight in turn times 1/4, 1/2, 0.7, 1.4, 2, 4; the exponents ±0.05,
/// ±0.1, ±0.25) maximises their mean recall@10 + nDCG@10. Prints the weights as C#.
/// </summary>
public static class Tuning
{
    public static void Run(int profiles, int networks, int firstSeed)
    {
        var collected = new List<(RecommenderGraph Graph, int Node, RecommenderSignals.Collected Signals, HashSet<int> HeldOut)>();
        for (var seed = firstSeed; seed < firstSeed + networks; seed++)
        {
            var random = new Random(seed);
            var network = BenchNetwork.Generate(profiles, seed);
            var (training, heldOut) = BenchNetwork.HoldOut(network.Full, 0.2, random);
            var graph = new RecommenderGraph(network.Nodes, training, network.Complements);
            collected.AddRange(Enumerable.Range(0, profiles).Where(i => heldOut[i].Count > 0)
                .Select(i => (graph, i, RecommenderSignals.Collect(graph, i), heldOut[i])));
        }
        double Objective(RecommenderWeights weights)
        {
            double total = 0;
            foreach (var (graph, node, signals, heldOut) in collected)
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
                var (recall, ndcg) = Metrics.Of(top, heldOut);
                total += recall + ndcg;
            }
            return total / collected.Count;
        }
        // From the weights in use, so a new parameter is learned on top of what was learned before (TUNE_FROM=prior starts afresh).
        var current = Environment.GetEnvironmentVariable("TUNE_FROM") == "prior" ? RecommenderWeights.Prior : RecommenderWeights.Learned;
        var prior = Objective(RecommenderWeights.Prior);
        var score = Objective(current);
        Console.WriteLine($"tuning on {networks} networks of {profiles} profiles (seeds {firstSeed}..{firstSeed + networks - 1}), {collected.Count} profiles with held-out collaborations: prior {prior:0.0000}, the weights in use {Objective(RecommenderWeights.Learned):0.0000}");
        for (var round = 0; round < 10; round++)
        {
            var improved = false;
            for (var k = 0; k < RecommenderSignals.Count + 3; k++)
            {
                IEnumerable<RecommenderWeights> tries = k < RecommenderSignals.Count
                    ? new[] { 0.25, 0.5, 0.7, 1.4, 2, 4 }.Select(f => current with { Signals = [.. current.Signals.Select((w, i) => i == k ? w * f : w)] })
                    : new[] { -0.25, -0.1, -0.05, 0.05, 0.1, 0.25 }.Select(d => (k - RecommenderSignals.Count) switch
                    {
                        0 => current with { Attachment = Math.Max(0, current.Attachment + d) },
                        1 => current with { Affinity = Math.Max(0, current.Affinity + d) },
                        _ => current with { AttachmentBackward = Math.Max(0, current.AttachmentBackward + d) },
                    });
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
        Console.WriteLine($"    {current.Attachment.ToString("0.##", inv)}, {current.Affinity.ToString("0.##", inv)}, {current.AttachmentBackward.ToString("0.##", inv)});");
    }
}
