namespace ClusterAtlas.Network;

/// <summary>A cluster recommended to a profile, with its reasons in the reader's language.</summary>
public sealed record RecommendedCluster(NetworkProfile Profile, string Reasons);
