using System.Runtime.CompilerServices;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.Map;

/// <summary>
/// The NUTS 2 region each entry of a directory snapshot counts in on the map (<see cref="ProfileLocator.NutsRegionOf"/>),
/// placed once per snapshot: it does not depend on the filters, and matching region names for every entry on every
/// request took most of the map page's time at 100,000 profiles. A result set is then counted over its positions.
/// </summary>
public sealed class NutsPlacement
{
    private static readonly ConditionalWeakTable<DirectorySnapshot, NutsPlacement> BySnapshot = new();

    /// <summary>The regions that occur; <see cref="RegionOf"/> holds an index into them, or -1.</summary>
    public IReadOnlyList<Gazetteer.Area> Regions { get; }
    public int[] RegionOf { get; }

    public static NutsPlacement Of(DirectorySnapshot snapshot, ProfileLocator locator) =>
        BySnapshot.GetValue(snapshot, s => new NutsPlacement(s.Entries, locator));

    private NutsPlacement(DirectoryEntries entries, ProfileLocator locator)
    {
        // Many profiles share a point (their city's or region's): each point and region name is placed once.
        var placed = new Dictionary<(string?, string?, double, double), int>();
        var regions = new List<Gazetteer.Area>();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        RegionOf = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            RegionOf[i] = -1;
            if (e.Latitude is not { } latitude || e.Longitude is not { } longitude || e.LocationPrecision is not { } precision || precision == LocationPrecision.Country)
            {
                continue;
            }
            var key = (e.CountryCode, e.Region, latitude, longitude);
            if (!placed.TryGetValue(key, out var index))
            {
                index = -1;
                if (locator.NutsRegionOf(e.CountryCode, e.Region, latitude, longitude, precision) is { } area && !indexOf.TryGetValue(area.Code, out index))
                {
                    indexOf[area.Code] = index = regions.Count;
                    regions.Add(area);
                }
                placed[key] = index;
            }
            RegionOf[i] = index;
        }
        Regions = regions;
    }

    /// <summary>How many of the entries at <paramref name="positions"/> count in each region, most first.</summary>
    public List<(Gazetteer.Area Area, int Count)> Count(int[] positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var counts = new int[Regions.Count];
        foreach (var p in positions)
        {
            if (RegionOf[p] >= 0)
            {
                counts[RegionOf[p]]++;
            }
        }
        return [.. Regions.Select((area, i) => (area, counts[i])).Where(r => r.Item2 > 0)
            .OrderByDescending(r => r.Item2).ThenBy(r => r.area.Code, StringComparer.Ordinal)];
    }
}
