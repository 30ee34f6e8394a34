namespace ClusterAtlas.ClusterDirectory;

/// <summary>One page of a search: the total, the page's profiles, every facet's counts, and filter values the directory does not know.</summary>
public sealed record SearchResult(
    int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    IReadOnlyDictionary<string, string[]> UnknownValues);
