namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// A facet value with how many profiles it would give. <paramref name="Value"/> is its code (a country code, a term's
/// slug, a member range); <paramref name="Name"/> is the data's own name (a region, a country's or term's English
/// name), null where the code is all there is (member ranges, excellence labels): the page and the API name those.
/// </summary>
public sealed record FacetCount(string Value, string? Name, int Count, bool Selected, int Depth = 0);
