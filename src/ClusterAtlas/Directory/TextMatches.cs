namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The profiles that the full-text engine found for some words, as a bitset over one directory snapshot's entries
/// (bit i is <see cref="DirectorySnapshot.Entries"/>[i]), and how many they are.
/// </summary>
public sealed class TextMatches(ulong[] bits, int count)
{
    public ulong[] Bits { get; } = bits;

    public int Count { get; } = count;
}
