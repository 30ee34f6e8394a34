using ClusterAtlas.PartnerSearch;

namespace ClusterAtlas.Calls;

public sealed record CallSearchResult(int Total, IReadOnlyList<CallSummary> Hits, IReadOnlyDictionary<string, IReadOnlyList<PostingFacetValue>> Facets);
