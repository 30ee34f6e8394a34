namespace ClusterAtlas.Notifications;

/// <summary>Which list a saved search searches.</summary>
public enum SavedSearchScope
{
    /// <summary>The directory of cluster organisations, /cluster-organisations.</summary>
    Directory,
    /// <summary>The partner search postings, /partner-search.</summary>
    PartnerSearch,
}
