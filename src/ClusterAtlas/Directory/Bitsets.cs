using System.Numerics;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The few operations on bitsets over the directory's entries (bit i of word i / 64 for entry i) that filtering and
/// counting need, a vector of words at a time.
/// </summary>
internal static class Bitsets
{
    public static int Words(int entryCount) => (entryCount + 63) / 64;

    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        source = source[..target.Length];
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= target.Length - Vector<ulong>.Count; i += Vector<ulong>.Count)
            {
                (new Vector<ulong>(target[i..]) | new Vector<ulong>(source[i..])).CopyTo(target[i..]);
            }
        }
        for (; i < target.Length; i++)
        {
            target[i] |= source[i];
        }
    }

    public static void And(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        source = source[..target.Length];
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= target.Length - Vector<ulong>.Count; i += Vector<ulong>.Count)
            {
                (new Vector<ulong>(target[i..]) & new Vector<ulong>(source[i..])).CopyTo(target[i..]);
            }
        }
        for (; i < target.Length; i++)
        {
            target[i] &= source[i];
        }
    }

    public static int Count(ReadOnlySpan<ulong> bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }
        return count;
    }

    /// <summary>Sets every entry of <paramref name="entryCount"/> (the bits past the last entry stay clear).</summary>
    public static void SetAll(Span<ulong> bits, int entryCount)
    {
        bits.Fill(ulong.MaxValue);
        if (entryCount % 64 != 0)
        {
            bits[^1] = (1UL << (entryCount % 64)) - 1;
        }
    }
}
