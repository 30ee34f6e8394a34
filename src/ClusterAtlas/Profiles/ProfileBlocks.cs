using ClusterAtlas.Events;
using ClusterAtlas.Network;
using ClusterAtlas.News;
using ClusterAtlas.PartnerSearch;

namespace ClusterAtlas.Profiles;

/// <summary>The blocks of a profile's page below its sections, from the features that own them.</summary>
public sealed record ProfileBlocks(ProfilePostingsBlock Postings, ProfileEventsBlock Events, ProfileNewsBlock News, ProfileNetworkBlock Network);
