namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Filters the directory's entries and counts every facet's values. Facet counts are disjunctive: each facet's counts
/// apply every other active filter but its own. An entry that passes every filter counts for all facets; one that
/// fails exactly one filter counts for that facet only. Filters are bitsets made from each facet's
/// <see cref="FacetPostings"/>, so a search visits the entries that count, not every entry of the directory.
/// </summary>
internal static class FacetCounting
{
    /// <summary>How many values an open facet (country, region, cooperation country) lists at most, besides the chosen ones.</summary>
    public const int MaxOpenFacetValues = 100;

    /// <summary>
    /// The entries that pass every filter (a bitset over the entries: a cached tally at a million profiles is then
    /// 125 KB, not a megabyte), how many, each facet's counts (in the order of <paramref name="facets"/>) and the
    /// values no facet knows.
    /// </summary>
    public sealed record Tally(ulong[] Matches, int Total, int[][] Counts, IReadOnlyDictionary<string, string[]> UnknownValues)
    {
        public bool IsMatch(int index) => (Matches[index >> 6] & (1UL << index)) != 0;
    }

    public static Tally Count(SearchQuery query, string[] names, FacetValues[] facets, int entryCount, ulong[]? candidates)
    {
        var words = Bitsets.Words(entryCount);
        var unknown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // Each filter's entries: the OR of its chosen values' entries (a value no facet knows holds none). Bitsets
        // for the length of one search are borrowed: at a million entries each is 125 KB.
        var active = new List<(int Facet, ulong[] Entries)>();
        var borrowed = new List<ulong[]>();
        ulong[] Borrow()
        {
            var bits = System.Buffers.ArrayPool<ulong>.Shared.Rent(words);
            bits.AsSpan(0, words).Clear();
            borrowed.Add(bits);
            return bits;
        }
        try
        {
            foreach (var (name, values) in query.Filters)
            {
                var index = Array.IndexOf(names, name);
                var facet = facets[index];
                var entries = Borrow();
                var missing = new List<string>();
                foreach (var value in values)
                {
                    if (facet.IdByValue.TryGetValue(value, out var id))
                    {
                        facet.Postings.OrInto(id, entries.AsSpan(0, words));
                    }
                    else if (Facet.IsUnknownValue(name, value))
                    {
                        missing.Add(value);
                    }
                }
                if (missing.Count > 0)
                {
                    unknown[name] = [.. missing];
                }
                active.Add((index, entries));
            }

            var matches = new ulong[words];
            if (candidates is null)
            {
                Bitsets.SetAll(matches, entryCount);
            }
            else
            {
                candidates.AsSpan(0, words).CopyTo(matches);
            }
            foreach (var (_, entries) in active)
            {
                Bitsets.And(matches, entries);
            }

            var counts = new int[facets.Length][];
            for (var f = 0; f < facets.Length; f++)
            {
                var filter = active.FindIndex(a => a.Facet == f);
                if (filter < 0)
                {
                    counts[f] = candidates is null && active.Count == 0 ? facets[f].Totals : CountsOver(facets[f], matches);
                    continue;
                }
                // A filtered facet counts the entries that pass every other filter: its counts say what choosing
                // another of its values would find.
                Span<ulong> others = default;
                for (var a = 0; a < active.Count; a++)
                {
                    if (a != filter)
                    {
                        if (others.IsEmpty)
                        {
                            others = Borrow().AsSpan(0, words);
                            (candidates ?? active[a].Entries).AsSpan(0, words).CopyTo(others);
                        }
                        Bitsets.And(others, active[a].Entries);
                    }
                }
                counts[f] = !others.IsEmpty ? CountsOver(facets[f], others)
                    : candidates is null ? facets[f].Totals
                    : CountsOverWords(facets, f, candidates);
            }
            return new Tally(matches, Bitsets.Count(matches), counts, unknown);
        }
        finally
        {
            foreach (var bits in borrowed)
            {
                System.Buffers.ArrayPool<ulong>.Shared.Return(bits);
            }
        }
    }

    /// <summary>
    /// Each facet's counts over a search's word matches alone, kept with the matches (the same array while the match
    /// cache holds the words): a search for a word and one country, then another country, count that facet over the
    /// same matches, tens of thousands of entries for a common word.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ulong[], int[]?[]> s_countsOverWords = [];

    private static int[] CountsOverWords(FacetValues[] facets, int facet, ulong[] candidates)
    {
        var kept = s_countsOverWords.GetValue(candidates, _ => new int[]?[facets.Length]);
        return Volatile.Read(ref kept[facet]) ?? (kept[facet] = CountsOver(facets[facet], candidates));
    }

    /// <summary>Each value's count over the entries of <paramref name="entries"/>. The arrays a tally keeps are only read.</summary>
    private static int[] CountsOver(FacetValues facet, ReadOnlySpan<ulong> entries)
    {
        var counts = new int[facet.Values.Count];
        var offsets = facet.Offsets;
        var valueIds = facet.ValueIds;
        for (var w = 0; w < entries.Length; w++)
        {
            for (var bits = entries[w]; bits != 0; bits &= bits - 1)
            {
                var entry = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                for (var k = offsets[entry]; k < offsets[entry + 1]; k++)
                {
                    counts[valueIds[k]]++;
                }
            }
        }
        return counts;
    }

    /// <summary>Every facet's values with their counts, as the page and the API list them.</summary>
    public static Dictionary<string, IReadOnlyList<FacetCount>> Lists(SearchQuery query, string[] names, FacetValues[] facets, Tally tally)
    {
        var lists = new Dictionary<string, IReadOnlyList<FacetCount>>(names.Length, StringComparer.Ordinal);
        for (var f = 0; f < names.Length; f++)
        {
            lists[names[f]] = List(names[f], facets[f], tally.Counts[f], query.Values(names[f]));
        }
        return lists;
    }

    private static List<FacetCount> List(string name, FacetValues facet, int[] counts, IReadOnlyList<string> selected)
    {
        var list = new List<FacetCount>();
        // Fixed orders for small facets and vocabularies (as the vocabulary lists them, children under parents); by count for the open ones.
        if (Facet.IsOpen(name))
        {
            // Chosen values first, then by count, then by name: as one number per value, sorted as numbers, and only
            // the values kept made into list items (regions run into the hundreds; the page shows a hundred).
            var nameRanks = facet.NameRanks;
            var keys = new List<long>();
            var chosen = 0;
            for (var id = 0; id < facet.Values.Count; id++)
            {
                var isSelected = selected.Count > 0 && selected.Contains(facet.Values[id]);
                if (counts[id] > 0 || isSelected)
                {
                    keys.Add(((isSelected ? 0L : 1L) << 62) | ((long)(int.MaxValue - counts[id]) << 31) | (long)nameRanks[id]);
                    chosen += isSelected ? 1 : 0;
                }
            }
            keys.Sort();
            // Open lists keep the chosen values and the largest others.
            var keep = Math.Min(keys.Count, Math.Max(chosen, MaxOpenFacetValues));
            var byRank = facet.IdsByName;
            for (var k = 0; k < keep; k++)
            {
                var id = byRank[(int)(keys[k] & int.MaxValue)];
                list.Add(new FacetCount(facet.Values[id], facet.Names[id], counts[id], k < chosen));
            }
            return list;
        }
        // Values nothing matches are left out unless chosen: no page or API lists them.
        foreach (var (id, depth) in facet.TreeOrder)
        {
            var isSelected = selected.Count > 0 && selected.Contains(facet.Values[id]);
            if (counts[id] > 0 || isSelected)
            {
                list.Add(new FacetCount(facet.Values[id], facet.Names[id], counts[id], isSelected, depth));
            }
        }
        return list;
    }
}
