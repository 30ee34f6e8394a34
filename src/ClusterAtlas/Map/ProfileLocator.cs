using System.Text.RegularExpressions;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.Map;

/// <summary>
/// Finds a profile's point in the offline <see cref="Gazetteer"/>: its city (in its country, so a name several
/// countries share goes to the right one), else its region (NUTS 2 code or name, or a first-level division of the
/// country), else its country. A point its administrators set by hand stays. The one place locations are computed:
/// saves through EF (<see cref="ProfileLocationInterceptor"/>), the sample-data generator and the start
/// (<see cref="ProfileLocations"/>) all call <see cref="Apply"/>.
/// </summary>
public sealed partial class ProfileLocator(Gazetteer gazetteer)
{
    public LocatedPoint? Locate(string? countryCode, string? city, string? region, string? nutsCode)
    {
        var country = string.IsNullOrWhiteSpace(countryCode) ? null : countryCode.Trim().ToUpperInvariant();
        return FromCity(country, city, region) ?? FromRegion(country, region, nutsCode) ?? FromCountry(country);
    }

    /// <summary>
    /// Sets the profile's point from its address, unless its administrators set it by hand (<see cref="LocationPrecision.Exact"/>
    /// with coordinates). Coordinates without a precision (given before locations were computed, or by an import) count as set by hand.
    /// </summary>
    public void Apply(ClusterOrganisation profile)
    {
        if (profile.Latitude is not null && profile.Longitude is not null
            && profile.LocationPrecision is null or LocationPrecision.Exact)
        {
            profile.LocationPrecision = LocationPrecision.Exact;
            return;
        }
        var point = Locate(profile.CountryCode, profile.City, profile.RegionName, profile.NutsCode);
        profile.Latitude = point?.Latitude;
        profile.Longitude = point?.Longitude;
        profile.LocationPrecision = point?.Precision;
    }

    /// <summary>
    /// The NUTS 2 region a located profile is counted in on the map: the region it names, else (for a point at least
    /// as precise as a region) the NUTS 2 region of its country whose inner point is nearest. Null for a point placed
    /// by its country only, or in a country without NUTS 2 regions. Without the regions' boundaries (see decision
    /// record 0019) the nearest inner point is an approximation near borders.
    /// </summary>
    public Gazetteer.Area? NutsRegionOf(string? countryCode, string? region, double latitude, double longitude, LocationPrecision precision)
    {
        if (precision == LocationPrecision.Country || countryCode is null || gazetteer.NutsRegionsOf(countryCode) is not { Count: > 0 } areas)
        {
            return null;
        }
        if (region is not null && Match(areas, region) is { } named)
        {
            return named;
        }
        var scale = Math.Cos(latitude * Math.PI / 180);
        return areas.MinBy(a => Math.Pow(a.Latitude - latitude, 2) + Math.Pow((a.Longitude - longitude) * scale, 2));
    }

    private LocatedPoint? FromCity(string? country, string? city, string? region)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return null;
        }
        foreach (var name in CityNames(city))
        {
            var places = country is null ? gazetteer.PlacesNamed(name) : gazetteer.PlacesNamed(country, name);
            if (country is null && places.Select(p => p.CountryCode).Distinct().Count() > 1)
            {
                return null; // without a country, a name several countries have is not guessed
            }
            if (places.Count == 0)
            {
                continue;
            }
            // Villages share names: the one in the profile's region, if it names one.
            var place = places.FirstOrDefault(p => region is not null && Division(p.CountryCode, region) is { } d && d.Code == p.Division) ?? places[0];
            return new LocatedPoint(place.Latitude, place.Longitude, LocationPrecision.City);
        }
        return null;
    }

    /// <summary>"Novi Sad", "21000 Novi Sad", "Novi Sad (Vojvodina)", "Novi Sad, Serbia": the name, then its first part.</summary>
    private static IEnumerable<string> CityNames(string city)
    {
        var trimmed = city.Trim();
        yield return trimmed;
        var cleaned = Postcode().Replace(Parenthesis().Replace(trimmed, ""), "").Split([',', '/', ';'])[0].Trim();
        if (cleaned.Length > 0 && cleaned != trimmed)
        {
            yield return cleaned;
        }
    }

    private LocatedPoint? FromRegion(string? country, string? region, string? nutsCode)
    {
        if (!string.IsNullOrWhiteSpace(nutsCode) && nutsCode.Trim().Length >= 4
            && gazetteer.NutsRegion(nutsCode.Trim()[..4].ToUpperInvariant()) is { } byCode)
        {
            return new LocatedPoint(byCode.Latitude, byCode.Longitude, LocationPrecision.Region);
        }
        if (country is null || string.IsNullOrWhiteSpace(region))
        {
            return null;
        }
        var area = Match(gazetteer.NutsRegionsOf(country), region) ?? Division(country, region);
        return area is null ? null : new LocatedPoint(area.Latitude, area.Longitude, LocationPrecision.Region);
    }

    private Gazetteer.Area? Division(string country, string region) => Match(gazetteer.DivisionsOf(country), region);

    /// <summary>The area of that name: the same folded name, else the one whose name holds the region's or is held by it.</summary>
    private static Gazetteer.Area? Match(IReadOnlyList<Gazetteer.Area> areas, string region)
    {
        var key = TextFolding.MatchKey(RegionWords().Replace(region, ""));
        if (key.Length < 3)
        {
            return null;
        }
        var keyed = areas.Select(a => (Area: a, Key: TextFolding.MatchKey(RegionWords().Replace(a.Name, "")))).ToList();
        return keyed.FirstOrDefault(a => a.Key == key).Area
            ?? keyed.Where(a => a.Key.Length >= 4 && (a.Key.Contains(key, StringComparison.Ordinal) || key.Contains(a.Key, StringComparison.Ordinal)))
                .OrderBy(a => Math.Abs(a.Key.Length - key.Length)).FirstOrDefault().Area;
    }

    private LocatedPoint? FromCountry(string? country) =>
        country is not null && gazetteer.CountryPoint(country) is { } point ? new LocatedPoint(point.Latitude, point.Longitude, LocationPrecision.Country) : null;

    /// <summary>Words that say what kind of area a name is, in the languages profiles use ("Region of", "Autonomna Pokrajina", "Prov.").</summary>
    [GeneratedRegex(@"\b(the|region|regione|región|région|regija|regiunea|province|provincia|prov\.?|county|autonomous|autonomna|pokrajina|oblast|land|département|comunidad|autónoma|of|de|del|di)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegionWords();

    [GeneratedRegex(@"\(.*?\)")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"\b[A-Z]{0,2}-?\d[\d -]{2,}\b")]
    private static partial Regex Postcode();
}
