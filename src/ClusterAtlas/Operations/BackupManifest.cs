using ClusterAtlas.Data;

namespace ClusterAtlas.Operations;

/// <summary>What a backup archive says about itself (its entry clusteratlas-backup.json).</summary>
public sealed record BackupManifest(
    int Format,
    DatabaseProvider Database,
    DateTimeOffset CreatedAt,
    string ApplicationVersion,
    string? LastMigration,
    long Profiles,
    long Accounts,
    int Files)
{
    public const int CurrentFormat = 1;
}
