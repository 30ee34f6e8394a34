namespace ClusterAtlas.Map;

/// <summary>ClusterAtlas:Map in the configuration.</summary>
public sealed class MapOptions
{
    public const string Section = "ClusterAtlas:Map";

    /// <summary>
    /// An optional tile server for sites that have one, such as https://tiles.example.org/{z}/{x}/{y}.png; without
    /// it the map draws the Natural Earth boundaries that ship with the app. Its origin is added to the page's CSP.
    /// </summary>
    public string? TileUrl { get; set; }

    /// <summary>Who the tiles are from, shown on the map (required by most tile licences).</summary>
    public string? TileAttribution { get; set; }

    /// <summary>The origin of <see cref="TileUrl"/> (scheme, host, port), or null when no valid absolute http(s) URL is set.</summary>
    public string? TileOrigin =>
        Uri.TryCreate(TileUrl?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http" ? uri.GetLeftPart(UriPartial.Authority) : null;
}
