namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Filters the directory's entries and counts every facet's values in one pass. Facet counts are disjunctive: each
/// facet's counts apply every other active filter but its own. An entry that passes every filter counts for all
/// facets; one that fails exactly one filter counts for that facet only.
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
        var unknown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var activeIndex = new List<int>();
        var activeWanted = new List<bool[]>();
        foreach (var (name, values) in query.Filters)
        {
            var index = Array.IndexOf(names, name);
            var facet = facets[index];
            var wanted = new bool[facet.Values.Count];
            var missing = new List<string>();
            foreach (var value in values)
            {
                if (facet.IdByValue.TryGetValue(value, out var id))
                {
                    wanted[id] = true;
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
            activeIndex.Add(index);
            activeWanted.Add(wanted);
        }

        // Arrays, not dictionaries, in the loop that runs once per profile.
        var active = activeIndex.ToArray();
        var wantedOf = activeWanted.ToArray();
        var counts = facets.Select(f => new int[f.Values.Count]).ToArray();
        var matches = new ulong[(entryCount + 63) / 64];
        var total = 0;
        for (var i = 0; i < entryCount; i++)
        {
            if (candidates is not null && (candidates[i >> 6] & (1UL << i)) == 0)
            {
                if ((i & 63) == 0 && candidates[i >> 6] == 0)
                {
                    i += 63; // none of the next 64 entries is a candidate
                }
                continue;
            }
            var failures = 0;
            var failed = -1;
            for (var a = 0; a < active.Length; a++)
            {
                if (!Intersects(facets[active[a]].Of(i), wantedOf[a]))
                {
                    failures++;
                    failed = active[a];
                    if (failures > 1)
                    {
                        break;
                    }
                }
            }
            if (failures == 0)
            {
                matches[i >> 6] |= 1UL << i;
                total++;
                for (var f = 0; f < facets.Length; f++)
                {
                    var facetCounts = counts[f];
                    foreach (var value in facets[f].Of(i))
                    {
                        facetCounts[value]++;
                    }
                }
            }
            else if (failures == 1)
            {
                var facetCounts = counts[failed];
                foreach (var value in facets[failed].Of(i))
                {
                    facetCounts[value]++;
                }
            }
        }
        return new Tally(matches, total, counts, unknown);
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

    private static bool Intersects(ReadOnlySpan<int> values, bool[] wanted)
    {
        foreach (var value in values)
        {
            if (wanted[value])
            {
                return true;
            }
        }
        return false;
    }

    private static List<FacetCount> List(string name, FacetValues facet, int[] counts, IReadOnlyList<string> selected)
    {
        var list = new List<FacetCount>();
        // Fixed orders for small facets and vocabularies (as the vocabulary lists them, children under parents); by count for the open ones.
        if (Facet.IsOpen(name))
        {
            for (var id = 0; id < facet.Values.Count; id++)
            {
                if (counts[id] > 0 || selected.Contains(facet.Values[id]))
                {
                    list.Add(new FacetCount(facet.Values[id], facet.Names[id], counts[id], selected.Contains(facet.Values[id])));
                }
            }
            // Open lists (regions run into the hundreds) keep the chosen values and the largest others.
            return [.. list.OrderByDescending(c => c.Selected).ThenByDescending(c => c.Count).ThenBy(c => c.Name ?? c.Value, StringComparer.Ordinal)
                .Where((c, rank) => c.Selected || rank < MaxOpenFacetValues)];
        }
        void AddTree(int parent, int depth)
        {
            for (var id = 0; id < facet.Values.Count; id++)
            {
                if (facet.Parents[id] == parent)
                {
                    list.Add(new FacetCount(facet.Values[id], facet.Names[id], counts[id], selected.Contains(facet.Values[id]), depth));
                    AddTree(id, depth + 1);
                }
            }
        }
        AddTree(-1, 0);
        return list;
    }
}
