using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.PartnerSearch;

public enum PostingTermField { SectoralIndustry, TechnologyField }
