using ClusterAtlas.Caching;
using System.Runtime.InteropServices;
using System.Text.Json;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Map;

/// <summary>
/// The map of the directory's results: the same query string as the directory. Leaflet draws the bundled Natural
/// Earth countries (coloured by how many clusters each has) and the profiles' points, clustered; without
/// JavaScript, and for screen readers, the page lists the results by country and region with links to the directory.
/// </summary>
[PublicCache(ContentTags.Profiles, ContentTags.Vocabularies)]
public class MapPageModel(DirectorySearch search, Gazetteer gazetteer, ProfileLocator locator, IOptions<MapOptions> options, Data.ClusterAtlasDbContext db) : PageModel
{
    public ResultsView Results { get; private set; } = null!;
    public MapOptions Options => options.Value;

    /// <summary>How many regions the list shows under a country: those with most results.</summary>
    public const int RegionsPerCountry = 50;

    /// <summary>Results per country, most first, each with its <see cref="RegionsPerCountry"/> regions with most results.</summary>
    public IReadOnlyList<(string Country, int Count, IReadOnlyList<(string Region, int Count)> Regions)> ByCountry { get; private set; } = [];

    public int Located { get; private set; }
    public int ByPrecision(LocationPrecision precision) => _byPrecision[(int)precision];

    private readonly int[] _byPrecision = new int[Enum.GetValues<LocationPrecision>().Length];

    /// <summary>The choropleth's classes: (lowest count, highest count), ending with the most any country has.</summary>
    public IReadOnlyList<(int From, int To)> Classes { get; private set; } = [];

    /// <summary>Clusters per country keyed as the bundled boundaries name countries, for the script.</summary>
    public string CountsJson { get; private set; } = "{}";

    /// <summary>Clusters per NUTS 2 region, most first (those whose point is at least as precise as a region).</summary>
    public IReadOnlyList<(Gazetteer.Area Region, int Count)> ByNutsRegion { get; private set; } = [];

    /// <summary>The circles' legend: a few counts up to the largest, each with its radius in pixels.</summary>
    public IReadOnlyList<(int Count, double Radius)> CircleSizes { get; private set; } = [];

    /// <summary>The largest circle's radius in pixels: a circle's area is proportional to its count.</summary>
    public const double MaxCircleRadius = 28;

    /// <summary>The NUTS 2 circles for the script: code, name, latitude, longitude, count, radius.</summary>
    public string NutsJson { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Results = await ResultsView.ReadWithNamesAsync(Request, search, db, cancellationToken);
        if (Results.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        foreach (var e in Results.Entries)
        {
            if (e.Latitude is not null && e.LocationPrecision is { } precision)
            {
                _byPrecision[(int)precision]++;
            }
        }
        Located = Results.Entries.Count(e => e.Latitude is not null);
        ByCountry = Results.Snapshot is null ? [] : CountByCountry(Statistics.StatisticsBasis.Of(Results.Snapshot), Results.Positions);
        Classes = ClassesOf([.. ByCountry.Select(c => c.Item2)]);
        CountsJson = JsonSerializer.Serialize(ByCountry
            .Select(c => (Key: gazetteer.BoundaryKeyOf(c.Country), c.Count)).Where(c => c.Key is not null)
            .ToDictionary(c => c.Key!, c => c.Count));
        ByNutsRegion = Results.Snapshot is null ? [] : NutsPlacement.Of(Results.Snapshot, locator).Count(Results.Positions);
        var largest = ByNutsRegion.Count > 0 ? ByNutsRegion[0].Count : 0;
        CircleSizes = [.. new[] { largest, largest / 4, largest / 16 }.Where(c => c > 0).Distinct().Select(c => (c, Radius(c, largest)))];
        NutsJson = JsonSerializer.Serialize(ByNutsRegion.Select(r => new object[]
            { r.Region.Code, r.Region.Name, r.Region.Latitude, r.Region.Longitude, r.Count, Math.Round(Radius(r.Count, largest), 1) }));
        if (Options.TileOrigin is { } tiles)
        {
            // The tile server's images are the only thing the page loads from another host.
            Response.Headers.ContentSecurityPolicy = Response.Headers.ContentSecurityPolicy.ToString()
                .Replace("img-src 'self' data:", $"img-src 'self' data: {tiles}", StringComparison.Ordinal);
        }
        return Page();
    }

    /// <summary>
    /// Results per country and region, counted over the result's positions with the snapshot's country and region
    /// numbers (grouping 100,000 entries by their names took most of the page's time).
    /// </summary>
    private static List<(string, int, IReadOnlyList<(string, int)>)> CountByCountry(Statistics.StatisticsBasis basis, int[] positions)
    {
        var countries = new int[basis.Countries.Length];
        var regions = new Dictionary<long, int>();
        foreach (var p in positions)
        {
            var country = basis.CountryOf[p];
            if (country < 0)
            {
                continue;
            }
            countries[country]++;
            if (basis.RegionOf[p] is var region && region >= 0)
            {
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(regions, (long)country * basis.Regions.Length + region, out _);
                count++;
            }
        }
        var regionsOf = new List<(string, int)>[countries.Length];
        foreach (var (key, count) in regions)
        {
            var country = (int)(key / basis.Regions.Length);
            (regionsOf[country] ??= []).Add((basis.Regions[key % basis.Regions.Length], count));
        }
        return [.. countries.Select((count, c) => (basis.Countries[c], count, Largest(regionsOf[c] ?? [], RegionsPerCountry)))
            .Where(c => c.count > 0).OrderByDescending(c => c.count).ThenBy(c => c.Item1, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The <paramref name="count"/> regions with most results, ties by name in the visitor's language. Only those that
    /// can be among them are sorted by name: at 100,000 profiles a country has thousands of regions, and sorting them
    /// all by culture took most of the page's time.
    /// </summary>
    private static IReadOnlyList<(string Region, int Count)> Largest(List<(string Region, int Count)> regions, int count)
    {
        if (regions.Count > count)
        {
            var least = regions.Select(r => r.Count).OrderDescending().ElementAt(count - 1);
            regions = [.. regions.Where(r => r.Count >= least)];
        }
        return [.. regions.OrderByDescending(r => r.Count).ThenBy(r => r.Region, StringComparer.CurrentCulture).Take(count)];
    }

    private static double Radius(int count, int largest) => Math.Max(3, MaxCircleRadius * Math.Sqrt((double)count / largest));

    /// <summary>
    /// The legend's classes for these per-country counts: one per count when there are at most five different counts
    /// (a single country is one class, not a scale of empty ranges), else five of about equal width up to the maximum.
    /// </summary>
    public static IReadOnlyList<(int From, int To)> ClassesOf(IReadOnlyCollection<int> counts)
    {
        var distinct = counts.Where(c => c > 0).Distinct().Order().ToList();
        if (distinct.Count <= 5)
        {
            return [.. distinct.Select(c => (c, c))];
        }
        var max = distinct[^1];
        var step = (int)Math.Ceiling(max / 5.0);
        var classes = new List<(int, int)>();
        for (var from = 1; from <= max; from += step)
        {
            classes.Add((from, Math.Min(max, from + step - 1)));
        }
        return classes;
    }
}
