namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Profile term rows as the database hands them over, in no particular order, in three columns (no object per row:
/// a million profiles have about ten million rows), then put in order per profile in one pass (<see cref="Group"/>).
/// </summary>
internal sealed class TermRows
{
    private int[] _profiles = new int[1024];
    private int[] _terms = new int[1024];
    private int[] _sortOrders = new int[1024];

    public int Count { get; private set; }

    public void Add(int profileId, int termId, int sortOrder)
    {
        if (Count == _profiles.Length)
        {
            Array.Resize(ref _profiles, Count * 2);
            Array.Resize(ref _terms, Count * 2);
            Array.Resize(ref _sortOrders, Count * 2);
        }
        _profiles[Count] = profileId;
        _terms[Count] = termId;
        _sortOrders[Count++] = sortOrder;
    }

    /// <summary>Each profile's term ids in its order (by sort order, then id), each once.</summary>
    public Grouped Group()
    {
        // Profiles by slot: their id less the smallest where ids are dense enough (they usually are), else numbered.
        var (min, max) = (int.MaxValue, int.MinValue);
        for (var r = 0; r < Count; r++)
        {
            (min, max) = (Math.Min(min, _profiles[r]), Math.Max(max, _profiles[r]));
        }
        Dictionary<int, int>? slotOfId = null;
        var slots = Count == 0 ? 0 : (long)max - min + 1;
        // (Not more slots than rows: a few ids far apart would make arrays of the span between them.)
        if (slots > Count + 65_536L)
        {
            slotOfId = [];
            for (var r = 0; r < Count; r++)
            {
                slotOfId.TryAdd(_profiles[r], slotOfId.Count);
            }
            slots = slotOfId.Count;
        }
        var slotOf = new int[Count];
        for (var r = 0; r < Count; r++)
        {
            slotOf[r] = slotOfId is null ? _profiles[r] - min : slotOfId[_profiles[r]];
        }
        // A counting sort by slot: how many rows each has, where each one's rows start, the rows in their places.
        var starts = new int[slots + 1];
        for (var r = 0; r < Count; r++)
        {
            starts[slotOf[r] + 1]++;
        }
        for (var s = 0; s < slots; s++)
        {
            starts[s + 1] += starts[s];
        }
        var next = starts[..^1];
        var terms = new int[Count];
        var orders = new int[Count];
        for (var r = 0; r < Count; r++)
        {
            var at = next[slotOf[r]]++;
            (terms[at], orders[at]) = (_terms[r], _sortOrders[r]);
        }
        // Each profile's few rows by sort order (usually already so), then a term named twice kept once.
        var kept = 0;
        for (var s = 0; s < slots; s++)
        {
            var (from, to) = (starts[s], starts[s + 1]);
            for (var a = from + 1; a < to; a++)
            {
                var (term, order) = (terms[a], orders[a]);
                var b = a - 1;
                for (; b >= from && (orders[b] > order || (orders[b] == order && terms[b] > term)); b--)
                {
                    (terms[b + 1], orders[b + 1]) = (terms[b], orders[b]);
                }
                (terms[b + 1], orders[b + 1]) = (term, order);
            }
            starts[s] = kept;
            for (var a = from; a < to; a++)
            {
                if (Array.IndexOf(terms, terms[a], starts[s], kept - starts[s]) < 0)
                {
                    terms[kept++] = terms[a];
                }
            }
        }
        starts[^1] = kept;
        return new Grouped(min, slotOfId, starts, terms);
    }

    /// <summary>The rows grouped by profile.</summary>
    internal sealed class Grouped(int min, Dictionary<int, int>? slotOfId, int[] starts, int[] terms)
    {
        /// <summary>The term ids of a profile, in its order (none for a profile without rows).</summary>
        public int[] Of(int profileId)
        {
            long slot = slotOfId is null ? (long)profileId - min : slotOfId.TryGetValue(profileId, out var known) ? known : -1;
            return slot < 0 || slot >= starts.Length - 1 ? [] : terms[starts[slot]..starts[slot + 1]];
        }
    }
}
