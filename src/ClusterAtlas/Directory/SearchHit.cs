namespace ClusterAtlas.ClusterDirectory;

/// <summary>A profile found, with the first of its sectoral industries for the result card.</summary>
public sealed record SearchHit(DirectoryEntry Entry, IReadOnlyList<string> Sectors);
