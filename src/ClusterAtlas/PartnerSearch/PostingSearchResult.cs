using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

public sealed record PostingSearchResult(int Total, IReadOnlyList<PostingSummary> Hits, IReadOnlyDictionary<string, IReadOnlyList<PostingFacetValue>> Facets);
