namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// One facet's values in the directory's memory: each value once (its code, the data's name if it has one, its parent
/// and place in a vocabulary's order), and every entry's values as small integers packed in one array.
/// </summary>
internal sealed class FacetValues
{
    public readonly Dictionary<string, int> IdByValue = new(StringComparer.Ordinal);
    public readonly List<string> Values = [];
    public readonly List<string?> Names = [];
    public readonly List<int> Parents = [];
    public readonly List<int> SortOrders = [];

    // Each entry's values, packed: entry i holds ValueIds[Offsets[i]..Offsets[i + 1]] (compact and cache-friendly).
    public int[] Offsets = [];
    public int[] ValueIds = [];
    private List<int>? _packing;
    private int _entry;
    private int _entryStart;

    // Made on first use, after packing: what searches read besides the packed values.
    private int[]? _totals;
    private FacetPostings? _postings;
    private (int Id, int Depth)[]? _treeOrder;
    private int[]? _idsByName;
    private int[]? _nameRanks;

    /// <summary>How many entries hold each value, over every entry: the counts of a facet nothing narrows.</summary>
    public int[] Totals => LazyInitializer.EnsureInitialized(ref _totals, () =>
    {
        var totals = new int[Values.Count];
        foreach (var value in ValueIds)
        {
            totals[value]++;
        }
        return totals;
    });

    /// <summary>The entries of each value, made the first time a search filters by this facet (after packing).</summary>
    public FacetPostings Postings => LazyInitializer.EnsureInitialized(ref _postings, () => new FacetPostings(this, Offsets.Length - 1));

    /// <summary>The value ids ordered by name (the data's name, or the code), ordinal: the tie-break of open lists.</summary>
    public int[] IdsByName => LazyInitializer.EnsureInitialized(ref _idsByName, () =>
        [.. Enumerable.Range(0, Values.Count).OrderBy(id => Names[id] ?? Values[id], StringComparer.Ordinal)]);

    /// <summary>Each value's place in <see cref="IdsByName"/>.</summary>
    public int[] NameRanks => LazyInitializer.EnsureInitialized(ref _nameRanks, () =>
    {
        var ranks = new int[Values.Count];
        var byName = IdsByName;
        for (var rank = 0; rank < byName.Length; rank++)
        {
            ranks[byName[rank]] = rank;
        }
        return ranks;
    });

    /// <summary>The values as a fixed facet lists them: in the order they were added, each value's children under it.</summary>
    public (int Id, int Depth)[] TreeOrder => LazyInitializer.EnsureInitialized(ref _treeOrder, () =>
    {
        var order = new List<(int, int)>(Values.Count);
        void AddChildren(int parent, int depth)
        {
            for (var id = 0; id < Values.Count; id++)
            {
                if (Parents[id] == parent)
                {
                    order.Add((id, depth));
                    AddChildren(id, depth + 1);
                }
            }
        }
        AddChildren(-1, 0);
        return [.. order];
    });

    public ReadOnlySpan<int> Of(int entry) => ValueIds.AsSpan(Offsets[entry], Offsets[entry + 1] - Offsets[entry]);

    /// <summary>Packing starts: then each entry's values in turn (<see cref="AddValue"/>), each entry closed by <see cref="EndEntry"/>.</summary>
    public void StartPacking(int entries)
    {
        Offsets = new int[entries + 1];
        _packing = new List<int>(entries);
        _entry = 0;
        _entryStart = 0;
    }

    public void AddValue(int valueId) => _packing!.Add(valueId);

    /// <summary>A value the current entry may already have (a term's ancestor shared with another of its terms).</summary>
    public void AddValueOnce(int valueId)
    {
        for (var k = _entryStart; k < _packing!.Count; k++)
        {
            if (_packing[k] == valueId)
            {
                return;
            }
        }
        _packing.Add(valueId);
    }

    public void EndEntry()
    {
        Offsets[++_entry] = _entryStart = _packing!.Count;
    }

    public void FinishPacking()
    {
        ValueIds = [.. _packing!];
        _packing = null;
    }

    public int Intern(string value, string? name, int parent = -1, int sortOrder = int.MaxValue)
    {
        if (!IdByValue.TryGetValue(value, out var id))
        {
            id = Values.Count;
            IdByValue[value] = id;
            Values.Add(value);
            Names.Add(name);
            Parents.Add(parent);
            SortOrders.Add(sortOrder);
        }
        return id;
    }
}
