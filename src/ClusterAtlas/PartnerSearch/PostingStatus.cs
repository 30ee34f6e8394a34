using ClusterAtlas.Profiles;

namespace ClusterAtlas.PartnerSearch;

public enum PostingStatus { Open, Closed, Expired }
