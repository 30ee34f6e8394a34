namespace ClusterAtlas.Network;

/// <summary>The list of clusters recommended to one profile, with its "not relevant" buttons (back to the account when shown there).</summary>
public sealed record RecommendedClusters(string Slug, IReadOnlyList<RecommendedCluster> Clusters, bool FromAccount);
