// Recommendation benchmark: demo networks from the documented generative model (ClusterAtlas.Network.CollaborationModel)
// over synthetic profiles spread like the demo data; 20 % of each profile's collaborations held out; recall@10 and
// nDCG@10 of the recommender and of three baselines (random same-sector, most connected, common neighbours) on the
// same held-out edges; milliseconds per recommendation; the load average.
// Usage: RecommendBench PROFILES [EVALUATED] [SEED]   (the benchmark; EVALUATED query profiles, a random sample)
//        RecommendBench tune PROFILES [NETWORKS] [SEED]  (learns the weights on networks of other seeds)
//        RecommendBench eccp PROFILES                  (the seed page's stated collaborations)
using System.Diagnostics;
using System.Globalization;
using ClusterAtlas.Network;
using RecommendBench;

var inv = CultureInfo.InvariantCulture;
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], inv) : fallback;
if (args.Length > 0 && args[0] == "tune")
{
    Tuning.Run(Arg(1, 1000), Arg(2, 3), Arg(3, 7));
    return;
}
if (args.Length > 0 && args[0] == "eccp")
{
    EccpRun.Run(Arg(1, 1000));
    return;
}
var profiles = Arg(0, 1000);
var evaluatedMax = Arg(1, 2000);
var seed = Arg(2, 2026);
var random = new Random(seed);
var network = BenchNetwork.Generate(profiles, seed);
var (training, heldOut) = BenchNetwork.HoldOut(network.Full, 0.2, random);
var nodes = network.Nodes;
var graph = new RecommenderGraph(nodes, training, network.Complements);
var withHeldOut = Enumerable.Range(0, profiles).Where(i => heldOut[i].Count > 0).ToList();
var evaluated = withHeldOut.OrderBy(_ => random.Next()).Take(evaluatedMax).ToList();

var popular = Enumerable.Range(0, profiles).OrderByDescending(i => training[i].Length).ThenBy(i => i).Take(200).ToArray();
int[] RandomSameSector(int i)
{
    var pool = graph.BySector.GetValueOrDefault(nodes[i].Sectors[0]) ?? [];
    var mine = training[i];
    var picked = new HashSet<int>();
    // Draw without sorting the whole pool (pools hold tens of thousands at 100,000 profiles).
    for (var attempt = 0; attempt < 200 && picked.Count < 10 && picked.Count < pool.Length - 1; attempt++)
    {
        var j = pool[random.Next(pool.Length)];
        if (j != i && Array.BinarySearch(mine, j) < 0)
        {
            picked.Add(j);
        }
    }
    return [.. picked];
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
var found = new Dictionary<string, (double AmongPartnersPartners, double Beyond)>();
foreach (var (name, top10) in methods)
{
    double recall = 0, ndcg = 0;
    var tops = new List<int[]>(evaluated.Count);
    var watch = Stopwatch.StartNew();
    foreach (var i in evaluated)
    {
        var top = top10(i);
        var (r, n) = Metrics.Of(top, heldOut[i]);
        recall += r;
        ndcg += n;
        tops.Add(top);
    }
    watch.Stop();
    results[name] = (recall / evaluated.Count, ndcg / evaluated.Count, watch.Elapsed.TotalMilliseconds / evaluated.Count);
    // Outside the timing: which of the hits were partners' partners.
    double among = 0, beyond = 0;
    for (var e = 0; e < evaluated.Count; e++)
    {
        var i = evaluated[e];
        var near = Reach.PartnersPartners(training, i);
        among += tops[e].Count(j => heldOut[i].Contains(j) && near.Contains(j)) / (double)heldOut[i].Count;
        beyond += tops[e].Count(j => heldOut[i].Contains(j) && !near.Contains(j)) / (double)heldOut[i].Count;
    }
    found[name] = (among / evaluated.Count, beyond / evaluated.Count);
}
var oracle = Reach.OracleAmongPartnersPartners(training, heldOut, evaluated);

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
var sample = evaluated.Count < withHeldOut.Count ? $"a random sample of {evaluated.Count} of the {withHeldOut.Count} profiles with held-out collaborations" : $"all {evaluated.Count} profiles with held-out collaborations";
Console.WriteLine($"profiles {profiles}, collaborations {network.Full.Sum(n => n.Length) / 2}, held out {heldOut.Values.Sum(h => h.Count) / 2}, evaluated: {sample}; load average {load}");
Console.WriteLine($"{"method",-20} {"recall@10",10} {"nDCG@10",10} {"ms/profile",11} {"of which partners' partners",28} {"others",7}");
foreach (var (name, (recall, ndcg, ms)) in results)
{
    Console.WriteLine($"{name,-20} {recall.ToString("0.000", inv),10} {ndcg.ToString("0.000", inv),10} {ms.ToString("0.00", inv),11} "
        + $"{found[name].AmongPartnersPartners.ToString("0.000", inv),28} {found[name].Beyond.ToString("0.000", inv),7}");
}
var bestBaseline = results.Where(r => r.Key != "recommender").Max(r => r.Value.Recall);
Console.WriteLine($"recall@10 is {(results["recommender"].Recall / bestBaseline).ToString("0.00", inv)}× the best baseline's");
Console.WriteLine($"an oracle that puts the held-out partners' partners first reaches recall@10 {oracle.ToString("0.000", inv)} "
    + $"({(oracle / bestBaseline).ToString("0.00", inv)}× the best baseline's); everything beyond must come from what the profiles are");
string F(double v) => v.ToString("0.000", inv);
Console.WriteLine($"recommend profiles={profiles} recall_at_10={F(results["recommender"].Recall)} ndcg_at_10={F(results["recommender"].Ndcg)} baseline_sector={F(results["random same sector"].Recall)} "
    + $"baseline_popular={F(results["most connected"].Recall)} baseline_neighbours={F(results["common neighbours"].Recall)} "
    + $"ms_per_profile={results["recommender"].Ms.ToString("0.00", inv)} load={load}");
