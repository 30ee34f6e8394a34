using ClusterAtlas.PartnerSearch;

namespace ClusterAtlas.Events;

public sealed record EventSearchResult(int Total, IReadOnlyList<EventSummary> Hits, IReadOnlyDictionary<string, IReadOnlyList<PostingFacetValue>> Facets);
