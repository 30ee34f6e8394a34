// Search benchmark client: one client, sequential requests over HTTP against a running ClusterAtlas,
// a fixed mix of query kinds; prints p50/p95/p99 per kind and a last line for the record.
// Usage: SearchBench BASE_URL DB_NAME PROFILES [ROUNDS] [APP_PID]
using System.Diagnostics;
using System.Globalization;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5000";
var database = args.Length > 1 ? args[1] : "sqlite";
var profiles = args.Length > 2 ? args[2] : "?";
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
var appPid = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;

string[] textOnly =
[
    "q=cluster", "q=innovation", "q=textile", "q=metalworking", "q=digital+transition", "q=tex", "q=aut", "q=smart+textiles+cluster",
    "q=logistics+network", "q=valmora", "q=research+centres", "q=trade+missions", "q=pilot+line", "q=food", "q=zzqx",
];
string[] facetOnly =
[
    "country=ES", "country=DE&country=FR", "label=gold", "sector=automotive", "members=101-250", "service=mentoring",
    "country=IT&label=bronze", "cooperatesWith=RS", "s3=resource-efficiency&country=PL", "technology=3d-printing",
];
string[] textAndFacets =
[
    "q=cluster&country=ES", "q=innovation&label=gold", "q=digital&sector=automotive", "q=tex&country=IT", "q=training&members=21-50",
    "q=cluster&country=DE&country=AT&sort=members", "q=energy&cooperatesWith=RS", "q=food&label=silver&label=gold",
];
string[] deepPages =
[
    "page=200", "page=2000&sort=name", "page=1500&sort=newest", "q=cluster&page=300", "country=ES&page=100&sort=members", "page=4999&pageSize=20",
];
var kinds = new (string Name, string Path, string[] Queries)[]
{
    ("text", "/api/v1/cluster-organisations", textOnly),
    ("facets", "/api/v1/cluster-organisations", facetOnly),
    ("text+facets", "/api/v1/cluster-organisations", textAndFacets),
    ("deep-page", "/api/v1/cluster-organisations", deepPages),
    ("page-html", "/cluster-organisations", [.. textOnly.Take(5), .. facetOnly.Take(3), .. textAndFacets.Take(3), deepPages[0]]),
};

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
// Warm-up: every query once (JIT, caches of the database pages).
foreach (var kind in kinds)
{
    foreach (var query in kind.Queries)
    {
        (await http.GetAsync(new Uri($"{baseUrl}{kind.Path}?{query}"))).Dispose();
    }
}

var timings = kinds.ToDictionary(k => k.Name, _ => new List<double>());
var byQuery = new Dictionary<string, List<double>>();
var failures = 0;
for (var round = 0; round < rounds; round++)
{
    foreach (var kind in kinds)
    {
        foreach (var query in kind.Queries)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri($"{baseUrl}{kind.Path}?{query}"));
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            timings[kind.Name].Add(elapsed);
            var key = $"{kind.Path}?{query}";
            if (!byQuery.TryGetValue(key, out var list))
            {
                byQuery[key] = list = [];
            }
            list.Add(elapsed);
            if (!response.IsSuccessStatusCode)
            {
                failures++;
            }
        }
    }
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

var memoryMb = 0.0;
if (appPid > 0 && File.Exists($"/proc/{appPid}/status"))
{
    var line = File.ReadLines($"/proc/{appPid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    if (line is not null)
    {
        memoryMb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}

Console.WriteLine(FormattableString.Invariant($"search benchmark: {profiles} profiles on {database}, {rounds} rounds, one client"));
Console.WriteLine(FormattableString.Invariant($"{"kind",-12} {"requests",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}"));
foreach (var (name, values) in timings)
{
    Console.WriteLine(FormattableString.Invariant($"{name,-12} {values.Count,9} {Percentile(values, 50),8:0.0} {Percentile(values, 95),8:0.0} {Percentile(values, 99),8:0.0} {values.Max(),8:0.0}"));
}
Console.WriteLine("slowest queries (median ms):");
foreach (var (query, values) in byQuery.OrderByDescending(q => Percentile(q.Value, 50)).Take(6))
{
    Console.WriteLine(FormattableString.Invariant($"  {Percentile(values, 50),8:0.0}  {query}"));
}
var api = timings.Where(t => t.Key != "page-html").SelectMany(t => t.Value).ToList();
var html = timings["page-html"];
// The machines are shared: the load average beside the figures says how far to trust them.
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
Console.WriteLine(FormattableString.Invariant($"failed requests: {failures}; app memory (RSS): {memoryMb:0} MB; load average (1 min): {load}"));
Console.WriteLine(FormattableString.Invariant(
    $"search profiles={profiles} db={database} p50_ms={Percentile(api, 50):0.0} p95_ms={Percentile(api, 95):0.0} p99_ms={Percentile(api, 99):0.0} html_p95_ms={Percentile(html, 95):0.0} rss_mb={memoryMb:0} failures={failures} load={load}"));
return failures == 0 ? 0 : 1;
