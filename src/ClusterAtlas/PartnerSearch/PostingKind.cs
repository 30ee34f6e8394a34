using ClusterAtlas.Profiles;

namespace ClusterAtlas.PartnerSearch;

public enum PostingKind { CooperationOffer, CooperationRequest, CallInterest, EventParticipants }
