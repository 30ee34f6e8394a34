// Recommendation benchmark: demo networks from the documented generative model (ClusterAtlas.Network.CollaborationModel)
// over synthetic profiles spread like the demo data; 20 % of each profile's collaborations held out; recall@10 and
// nDCG@10 of the recommender and of three baselines (random same-sector, most connected, common neighbours) on the
// same held-out edges; milliseconds per recommendation. Usage: RecommendBench PROFILES [EVALUATED] [SEED]
using System.Diagnostics;
using System.Globalization;
using ClusterAtlas.Network;

var inv = CultureInfo.InvariantCulture;
var profiles = args.Length > 0 ? int.Parse(args[0], inv) : 1000;
var evaluatedMax = args.Length > 1 ? int.Parse(args[1], inv) : 2000;
var seed = args.Length > 2 ? int.Parse(args[2], inv) : 2026;
var random = new Random(seed);

// Synthetic profiles: sectors, technologies, S3 areas and emerging industries Zipf-distributed over the vocabularies'
// sizes (51, 26, 20, 10), countries weighted like the demo data's, 0 to 4 target countries, sizes log-uniform.
var sectorLabels = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "sectoral-industries.txt"))
    .Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
var sectorIds = sectorLabels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
(string Code, double Weight)[] countryWeights =
[
    ("ES", 12), ("FR", 10), ("IT", 9), ("DE", 9), ("PL", 5), ("RO", 4), ("PT", 4), ("BE", 3), ("AT", 3), ("NL", 3), ("SE", 3),
    ("FI", 2), ("DK", 2), ("CZ", 2), ("HU", 2), ("BG", 2), ("GR", 2), ("HR", 2), ("SI", 2), ("RS", 2), ("TR", 2), ("GB", 2),
    ("SK", 1), ("LT", 1), ("LV", 1), ("EE", 1), ("IE", 1), ("NO", 1), ("UA", 1), ("BA", 1), ("MK", 1), ("ME", 1), ("AL", 1),
];
var totalWeight = countryWeights.Sum(c => c.Weight);
string Country()
{
    var roll = random.NextDouble() * totalWeight;
    foreach (var (code, weight) in countryWeights)
    {
        if ((roll -= weight) <= 0) return code;
    }
    return "ES";
}
int Zipf(int size, int offset) => offset + Math.Min(size - 1, (int)(size * Math.Pow(random.NextDouble(), 2.2)));
int[] Draw(int size, int offset, int min, int max) => [.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Zipf(size, offset)).Distinct()];
var nodes = new List<ClusterFeatures>(profiles);
for (var i = 0; i < profiles; i++)
{
    var country = Country();
    nodes.Add(new ClusterFeatures(
        Draw(sectorLabels.Length, 0, 1, 3), Draw(26, 1000, 0, 3), Draw(20, 2000, 0, 2), Draw(10, 3000, 0, 2), country,
        [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => Country()).Where(c => c != country).Distinct()],
        (int)Math.Exp(random.NextDouble() * 3.2 + 2.7), random.NextDouble() < 0.28));
}
var complements = ValueChains.Neighbours(sectorIds);
var empty = new RecommenderGraph(nodes, [.. nodes.Select(_ => Array.Empty<int>())], complements);
var statements = CollaborationModel.Generate(empty, seed);
var full = RecommenderGraph.Undirected(profiles, statements);

// Hold out 20 % of each profile's collaborations (profiles in random order; edges already hidden count towards both ends).
var hidden = new HashSet<(int, int)>();
static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);
foreach (var i in Enumerable.Range(0, profiles).OrderBy(_ => random.Next()))
{
    var want = (int)Math.Round(full[i].Length * 0.2);
    var already = full[i].Count(j => hidden.Contains(Key(i, j)));
    foreach (var j in full[i].Where(j => !hidden.Contains(Key(i, j))).OrderBy(_ => random.Next()).Take(Math.Max(0, want - already)))
    {
        hidden.Add(Key(i, j));
    }
}
var training = RecommenderGraph.Undirected(profiles, statements.Where(s => !hidden.Contains(Key(s.From, s.To))));
var graph = new RecommenderGraph(nodes, training, complements);
var heldOut = Enumerable.Range(0, profiles).ToDictionary(i => i, i => full[i].Where(j => hidden.Contains(Key(i, j))).ToHashSet());
var evaluated = Enumerable.Range(0, profiles).Where(i => heldOut[i].Count > 0).OrderBy(_ => random.Next()).Take(evaluatedMax).ToList();

var popular = Enumerable.Range(0, profiles).OrderByDescending(i => training[i].Length).ThenBy(i => i).Take(200).ToArray();
int[] RandomSameSector(int i)
{
    var pool = graph.BySector.GetValueOrDefault(nodes[i].Sectors[0]) ?? [];
    var mine = training[i];
    return [.. pool.Where(j => j != i && Array.BinarySearch(mine, j) < 0).OrderBy(_ => random.Next()).Take(10)];
}
int[] MostConnected(int i) => [.. popular.Where(j => j != i && Array.BinarySearch(training[i], j) < 0).Take(10)];
int[] CommonNeighbours(int i)
{
    var counts = new Dictionary<int, int>();
    foreach (var z in training[i])
    {
        foreach (var j in training[z])
        {
            if (j != i && Array.BinarySearch(training[i], j) < 0) counts[j] = counts.GetValueOrDefault(j) + 1;
        }
    }
    return [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(10).Select(c => c.Key)];
}

var methods = new (string Name, Func<int, int[]> Top10)[]
{
    ("recommender", i => [.. Recommender.Recommend(graph, i, 10, similarOnly: false).Select(r => r.Node)]),
    ("random same sector", RandomSameSector),
    ("most connected", MostConnected),
    ("common neighbours", CommonNeighbours),
};
var results = new Dictionary<string, (double Recall, double Ndcg, double Ms)>();
foreach (var (name, top10) in methods)
{
    double recall = 0, ndcg = 0;
    var watch = Stopwatch.StartNew();
    foreach (var i in evaluated)
    {
        var top = top10(i);
        var relevant = heldOut[i];
        var hits = top.Count(relevant.Contains);
        recall += (double)hits / relevant.Count;
        var dcg = top.Select((j, rank) => relevant.Contains(j) ? 1 / Math.Log2(rank + 2) : 0).Sum();
        var ideal = Enumerable.Range(0, Math.Min(10, relevant.Count)).Sum(rank => 1 / Math.Log2(rank + 2));
        ndcg += dcg / ideal;
    }
    watch.Stop();
    results[name] = (recall / evaluated.Count, ndcg / evaluated.Count, watch.Elapsed.TotalMilliseconds / evaluated.Count);
}

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
Console.WriteLine($"profiles {profiles}, collaborations {full.Sum(n => n.Length) / 2}, held out {hidden.Count}, evaluated profiles {evaluated.Count}, load average {load}");
Console.WriteLine($"{"method",-20} {"recall@10",10} {"nDCG@10",10} {"ms/profile",11}");
foreach (var (name, (recall, ndcg, ms)) in results)
{
    Console.WriteLine($"{name,-20} {recall.ToString("0.000", inv),10} {ndcg.ToString("0.000", inv),10} {ms.ToString("0.00", inv),11}");
}
string F(double v) => v.ToString("0.000", inv);
Console.WriteLine($"recommend profiles={profiles} recall_at_10={F(results["recommender"].Recall)} baseline_sector={F(results["random same sector"].Recall)} "
    + $"baseline_popular={F(results["most connected"].Recall)} baseline_neighbours={F(results["common neighbours"].Recall)} "
    + $"ms_per_profile={results["recommender"].Ms.ToString("0.00", inv)} load={load}");
