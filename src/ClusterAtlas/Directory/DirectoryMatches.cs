namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Every published profile a search matches, unpaged (what the map, the statistics and the exports read): the entries,
/// their <paramref name="Positions"/> in the snapshot's <see cref="DirectorySnapshot.Entries"/> (in the same order,
/// for counting over what the snapshot keeps per entry), the snapshot, and the errors the directory would report.
/// </summary>
public sealed record DirectoryMatches(IReadOnlyList<DirectoryEntry> Entries, int[] Positions, DirectorySnapshot Snapshot, IReadOnlyDictionary<string, Pages.ParameterError[]> Errors)
{
    /// <summary>Every published profile matches (no words, no filters, or none that leave anyone out).</summary>
    public bool IsWholeDirectory => Positions.Length == Snapshot.Entries.Count;

    public void Deconstruct(out IReadOnlyList<DirectoryEntry> entries, out DirectorySnapshot snapshot, out IReadOnlyDictionary<string, Pages.ParameterError[]> errors) =>
        (entries, snapshot, errors) = (Entries, Snapshot, Errors);
}
