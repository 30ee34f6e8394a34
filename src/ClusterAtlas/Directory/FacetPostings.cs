namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// One facet's values turned around: for each value, the entries that hold it. A value held by many entries is a
/// bitset over the entries; one held by few is the sorted list of their positions, whichever is smaller, so the whole
/// never takes more than the facet's packed values do. A filter's entries are then an OR of its values, not a test
/// of every entry: a search with filters visits only the entries that count.
/// </summary>
internal sealed class FacetPostings
{
    private readonly object[] _byValue; // ulong[] (bitset) or int[] (positions), per value id

    public FacetPostings(FacetValues facet, int entryCount)
    {
        var valueCount = facet.Values.Count;
        var totals = facet.Totals;
        var words = Bitsets.Words(entryCount);
        _byValue = new object[valueCount];
        var filled = new int[valueCount];
        for (var v = 0; v < valueCount; v++)
        {
            // A list costs 32 bits per entry holding the value, a bitset one bit per entry of the directory.
            _byValue[v] = (long)totals[v] * 32 > (long)words * 64 ? new ulong[words] : new int[totals[v]];
        }
        for (var entry = 0; entry < entryCount; entry++)
        {
            foreach (var value in facet.Of(entry))
            {
                if (_byValue[value] is ulong[] bits)
                {
                    bits[entry >> 6] |= 1UL << entry;
                }
                else
                {
                    ((int[])_byValue[value])[filled[value]++] = entry;
                }
            }
        }
    }

    /// <summary>Sets in <paramref name="target"/> the entries that hold <paramref name="value"/>.</summary>
    public void OrInto(int value, Span<ulong> target)
    {
        if (_byValue[value] is ulong[] bits)
        {
            Bitsets.Or(target, bits);
        }
        else
        {
            foreach (var entry in (int[])_byValue[value])
            {
                target[entry >> 6] |= 1UL << entry;
            }
        }
    }
}
