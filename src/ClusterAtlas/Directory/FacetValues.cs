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
    public int[][]? Building;

    public ReadOnlySpan<int> Of(int entry) => ValueIds.AsSpan(Offsets[entry], Offsets[entry + 1] - Offsets[entry]);

    public void Pack()
    {
        var lists = Building!;
        Offsets = new int[lists.Length + 1];
        for (var i = 0; i < lists.Length; i++)
        {
            Offsets[i + 1] = Offsets[i] + lists[i].Length;
        }
        ValueIds = new int[Offsets[^1]];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i].CopyTo(ValueIds, Offsets[i]);
        }
        Building = null;
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
