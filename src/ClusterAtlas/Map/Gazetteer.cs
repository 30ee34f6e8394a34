using System.Globalization;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.Map;

/// <summary>
/// The offline gazetteer that ships in Map/Gazetteer (built by scripts/build-gazetteer.sh): GeoNames places and
/// first-level divisions of Europe (and other names of the larger places), NUTS 2 regions and a point inside every
/// country. Read once, on first use.
/// Names are compared folded (<see cref="TextFolding.MatchKey"/>): case, accents and punctuation do not matter.
/// </summary>
public sealed class Gazetteer
{
    public sealed record Place(string CountryCode, string Name, double Latitude, double Longitude, string Division);

    public sealed record Area(string Code, string CountryCode, string Name, double Latitude, double Longitude);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Map", "Gazetteer");

    private static readonly Lazy<Gazetteer> ShippedOnce = new(() => new Gazetteer(Folder));

    /// <summary>
    /// The shipped gazetteer, read once per process: it never changes while the app runs, and reading its 125,000 rows
    /// is the costliest part of a start (a process that starts several hosts, as the tests do, reads it once).
    /// </summary>
    public static Gazetteer Shipped => ShippedOnce.Value;

    private readonly Dictionary<(string Country, string Key), List<Place>> _places = [];
    private readonly Dictionary<string, List<Place>> _placesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, string Key), List<Place>> _aliases = [];
    private readonly Dictionary<string, List<Place>> _aliasesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Area>> _divisionsByCountry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Area> _nutsByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Area>> _nutsByCountry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nutsNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Latitude, double Longitude)> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _boundaryKeys = new(StringComparer.Ordinal);

    public Gazetteer(string folder)
    {
        foreach (var f in Rows(folder, "places.tsv"))
        {
            var place = new Place(f[0], f[1], Number(f[2]), Number(f[3]), f[4]);
            var key = TextFolding.MatchKey(place.Name);
            Add(_places, (place.CountryCode, key), place);
            Add(_placesByName, key, place);
        }
        // Other names of the larger places ("Wien", "München", "Beograd"): asked only when no place has the name itself.
        foreach (var f in Rows(folder, "aliases.tsv"))
        {
            var place = new Place(f[0], f[1], Number(f[2]), Number(f[3]), f[4]);
            var key = TextFolding.MatchKey(place.Name);
            Add(_aliases, (place.CountryCode, key), place);
            Add(_aliasesByName, key, place);
        }
        foreach (var f in Rows(folder, "regions.tsv"))
        {
            Add(_divisionsByCountry, f[0], new Area(f[1], f[0], f[2], Number(f[3]), Number(f[4])));
        }
        foreach (var f in Rows(folder, "nuts2.tsv"))
        {
            // NUTS writes Greece as EL and the United Kingdom as UK; profiles use ISO codes.
            var area = new Area(f[0], CountryOfNuts(f[0]), f[1], Number(f[2]), Number(f[3]));
            _nutsByCode[area.Code] = area;
            Add(_nutsByCountry, area.CountryCode, area);
            _nutsNames[area.Code] = area.Name;
        }
        // NUTS 2 regions the 2013 boundaries lack (Serbia's): known to the profile's checks, not placed on the map.
        foreach (var f in Rows(folder, "nuts2-names.tsv"))
        {
            _nutsNames.TryAdd(f[0], f[1]);
        }
        foreach (var f in Rows(folder, "countries.tsv"))
        {
            _countries[f[0]] = (Number(f[1]), Number(f[2]));
            _boundaryKeys[f[0]] = f[3];
        }
    }

    /// <summary>The places of that name in that country (usually one; villages share names), else those it is another name of.</summary>
    public IReadOnlyList<Place> PlacesNamed(string countryCode, string name)
    {
        var key = (countryCode, TextFolding.MatchKey(name));
        return _places.TryGetValue(key, out var found) || _aliases.TryGetValue(key, out found) ? found : [];
    }

    /// <summary>The places of that name in any country, else those it is another name of.</summary>
    public IReadOnlyList<Place> PlacesNamed(string name)
    {
        var key = TextFolding.MatchKey(name);
        return _placesByName.TryGetValue(key, out var found) || _aliasesByName.TryGetValue(key, out found) ? found : [];
    }

    public IReadOnlyList<Area> DivisionsOf(string countryCode) => _divisionsByCountry.TryGetValue(countryCode, out var found) ? found : [];

    public IReadOnlyList<Area> NutsRegionsOf(string countryCode) => _nutsByCountry.TryGetValue(countryCode, out var found) ? found : [];

    public Area? NutsRegion(string code) => _nutsByCode.GetValueOrDefault(code);

    /// <summary>The ISO country of a NUTS code: its first two letters, except that NUTS writes Greece as EL and the United Kingdom as UK.</summary>
    public static string CountryOfNuts(string code) => code[..2] switch { "EL" => "GR", "UK" => "GB", var country => country };


    /// <summary>The name of the NUTS 2 region a NUTS 2 or NUTS 3 code is in, when the gazetteer lists it.</summary>
    public string? NutsRegionName(string code) => code.Length is 4 or 5 ? _nutsNames.GetValueOrDefault(code[..4]) : null;

    public (double Latitude, double Longitude)? CountryPoint(string countryCode) =>
        _countries.TryGetValue(countryCode, out var point) ? point : null;

    /// <summary>The country's key in the bundled world-atlas boundaries (its ISO numeric id, or its name where it has none), for the choropleth.</summary>
    public string? BoundaryKeyOf(string countryCode) => _boundaryKeys.GetValueOrDefault(countryCode);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(string folder, string file) =>
        File.ReadLines(Path.Combine(folder, file)).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));

    private static void Add<TKey>(Dictionary<TKey, List<Place>> index, TKey key, Place place) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<Place>(1);
        }
        list.Add(place);
    }

    private static void Add(Dictionary<string, List<Area>> index, string key, Area area)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(area);
    }
}
