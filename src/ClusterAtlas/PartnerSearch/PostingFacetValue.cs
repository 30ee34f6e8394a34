using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

public sealed record PostingFacetValue(string Value, string Label, int Count, bool Selected);
