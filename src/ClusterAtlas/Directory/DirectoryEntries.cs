using System.Collections;
using System.Text;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The directory's entries in columns: one array per field over every published profile, the strings that entries
/// share (codes, regions, acronyms, name words and their stems) kept once in a table and referred to by number, names
/// and slugs as UTF-8 in one array. One object per profile, with its own strings and arrays, held about 700 bytes
/// of a million profiles' memory each (docs/decisions/0031-a-million-profiles.md); the columns hold about 200, and
/// the snapshot file stores and loads them as they are. <see cref="DirectoryEntry"/> reads one position.
/// </summary>
public sealed class DirectoryEntries : IReadOnlyList<DirectoryEntry>
{
    /// <summary>An absent number in <see cref="Numbers"/>.</summary>
    internal const int NoNumber = int.MinValue;

    /// <summary>How many numbers each entry has in <see cref="Numbers"/>, in the order of <see cref="NumberField"/>.</summary>
    internal const int NumbersPerEntry = 7;

    internal enum NumberField { TotalMembers, EstablishedYear, SmeMembers, StartupMembers, LargeCompanyMembers, ResearchOrganisationMembers, OtherEcosystemActors }

    internal const byte SampleDataFlag = 1;
    internal const byte ContactRequestsFlag = 2;

    public static readonly DirectoryEntries Empty = new Builder().Build();

    internal DirectoryEntries()
    {
    }

    internal int[] Ids { get; init; } = [];

    /// <summary>Entry i's name is <c>Text[TextStarts[2i]..TextStarts[2i + 1]]</c>, its slug runs to <c>TextStarts[2i + 2]</c>.</summary>
    internal byte[] Text { get; init; } = [];
    internal int[] TextStarts { get; init; } = [];

    /// <summary>The shared strings; the columns below refer to them by index (-1: none).</summary>
    internal string[] Strings { get; init; } = [];

    /// <summary>For each string of <see cref="Strings"/> that is a name word, the index of its stem; -1 otherwise.</summary>
    internal int[] StemOf { get; init; } = [];

    internal int[] Acronyms { get; init; } = [];
    internal int[] Countries { get; init; } = [];
    internal int[] Regions { get; init; } = [];

    /// <summary>The <see cref="Profiles.ExcellenceLabel"/> and <see cref="Profiles.LocationPrecision"/> values, -1 for none.</summary>
    internal sbyte[] Labels { get; init; } = [];
    internal sbyte[] Precisions { get; init; } = [];
    internal byte[] Flags { get; init; } = [];

    /// <summary>UTC ticks of the publication, <see cref="long.MinValue"/> for none.</summary>
    internal long[] Published { get; init; } = [];
    internal int[] Numbers { get; init; } = [];

    /// <summary>Latitude and longitude of each entry, NaN for none.</summary>
    internal double[] Coordinates { get; init; } = [];

    /// <summary>Entry i's vocabulary terms are <c>TermIds[TermStarts[i]..TermStarts[i + 1]]</c>; the same layout below.</summary>
    internal int[] TermStarts { get; init; } = [];
    internal int[] TermIds { get; init; } = [];
    internal int[] CooperationStarts { get; init; } = [];
    internal int[] Cooperation { get; init; } = [];

    /// <summary>The words of each entry's name and acronym, folded, as indexes into <see cref="Strings"/>.</summary>
    internal int[] WordStarts { get; init; } = [];
    internal int[] Words { get; init; } = [];

    /// <summary>
    /// The positions sorted by name (then id), by publication (newest first, then id) and by members (most first, then
    /// name): they depend on nothing but the entries, so the snapshot file keeps them too (sorting a million names took
    /// 3 s of every start).
    /// </summary>
    internal int[] ByName { get; set; } = [];
    internal int[] ByNewest { get; set; } = [];
    internal int[] ByMembers { get; set; } = [];

    public int Count => Ids.Length;

    /// <summary>The name order: names without regard to case, then ids.</summary>
    internal static int CompareNames(string name, int id, string otherName, int otherId) =>
        StringComparer.OrdinalIgnoreCase.Compare(name, otherName) is var byName && byName != 0 ? byName : id.CompareTo(otherId);

    /// <summary>These entries with their orders sorted (the name order without a sort when they already are in it, as loaded).</summary>
    internal DirectoryEntries WithOrders()
    {
        var names = new string[Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = this[i].Name;
        }
        var inNameOrder = true;
        for (var i = 1; i < names.Length && inNameOrder; i++)
        {
            inNameOrder = CompareNames(names[i - 1], Ids[i - 1], names[i], Ids[i]) <= 0;
        }
        ByName = [.. Enumerable.Range(0, Count)];
        if (!inNameOrder)
        {
            Array.Sort(ByName, (a, b) => CompareNames(names[a], Ids[a], names[b], Ids[b]));
        }
        // Each position's place among the names, the same for names equal but for case: ties by name then position.
        var nameRank = new int[Count];
        for (var k = 1; k < ByName.Length; k++)
        {
            var (previous, position) = (ByName[k - 1], ByName[k]);
            nameRank[position] = nameRank[previous] + (StringComparer.OrdinalIgnoreCase.Equals(names[previous], names[position]) ? 0 : 1);
        }
        // Sorted by keys of numbers rather than by a comparison delegate: a third of the time at a million entries.
        // The bitwise complement turns descending into ascending without overflow (long.MinValue for none, -1 for no members).
        int[] Sorted(Func<int, (long First, long Second)> key)
        {
            var keys = new OrderKey[Count];
            for (var i = 0; i < keys.Length; i++)
            {
                var (first, second) = key(i);
                keys[i] = new OrderKey(first, second, i);
            }
            Array.Sort(keys);
            return [.. keys.Select(k => k.Position)];
        }
        Action[] sorts =
        [
            () => ByNewest = Sorted(i => (~Published[i], Ids[i])),
            () => ByMembers = Sorted(i => (~(long)(Numbers[(i * NumbersPerEntry) + (int)NumberField.TotalMembers] is var total && total == NoNumber ? -1 : total), nameRank[i])),
        ];
        // On other threads only where it pays: small directories (and the static Empty, made while the type initialises)
        // sort on this one.
        if (Count >= 10_000)
        {
            Parallel.Invoke(sorts);
        }
        else
        {
            foreach (var sort in sorts)
            {
                sort();
            }
        }
        return this;
    }

    /// <summary>A position's sort key: two numbers, then the position (as a stable sort would leave ties).</summary>
    private readonly record struct OrderKey(long First, long Second, int Position) : IComparable<OrderKey>
    {
        public int CompareTo(OrderKey other) =>
            First != other.First ? First.CompareTo(other.First) : Second != other.Second ? Second.CompareTo(other.Second) : Position.CompareTo(other.Position);
    }

    public DirectoryEntry this[int index] => new(this, index);

    internal string? StringAt(int index) => index < 0 ? null : Strings[index];

    internal ReadOnlySpan<byte> NameUtf8(int position) => Text.AsSpan(TextStarts[2 * position], TextStarts[(2 * position) + 1] - TextStarts[2 * position]);

    internal ReadOnlySpan<byte> SlugUtf8(int position) => Text.AsSpan(TextStarts[(2 * position) + 1], TextStarts[(2 * position) + 2] - TextStarts[(2 * position) + 1]);

    internal int? NumberAt(int position, NumberField field) => Numbers[(position * NumbersPerEntry) + (int)field] is var value && value == NoNumber ? null : value;

    /// <summary>The entries at <paramref name="positions"/>, as a list that reads them where they are.</summary>
    public IReadOnlyList<DirectoryEntry> At(int[] positions) => new Selection(this, positions);

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<DirectoryEntry> IEnumerable<DirectoryEntry>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(DirectoryEntries entries) : IEnumerator<DirectoryEntry>
    {
        private int _position = -1;

        public readonly DirectoryEntry Current => new(entries, _position);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_position < entries.Count;

        public void Reset() => _position = -1;

        public readonly void Dispose()
        {
        }
    }

    private sealed class Selection(DirectoryEntries entries, int[] positions) : IReadOnlyList<DirectoryEntry>
    {
        public DirectoryEntry this[int index] => new(entries, positions[index]);

        public int Count => positions.Length;

        public IEnumerator<DirectoryEntry> GetEnumerator()
        {
            foreach (var position in positions)
            {
                yield return new DirectoryEntry(entries, position);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Columns made one entry at a time from the database's values (entries of several sets are merged by <see cref="DirectoryEntriesGather"/>).</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];
        private readonly List<int> _stemOf = [];
        private readonly List<int> _ids = [];
        private readonly List<byte> _text = [];
        private readonly List<int> _textStarts = [0];
        private readonly List<int> _acronyms = [];
        private readonly List<int> _countries = [];
        private readonly List<int> _regions = [];
        private readonly List<sbyte> _labels = [];
        private readonly List<sbyte> _precisions = [];
        private readonly List<byte> _flags = [];
        private readonly List<long> _published = [];
        private readonly List<int> _numbers = [];
        private readonly List<double> _coordinates = [];
        private readonly List<int> _termStarts = [0];
        private readonly List<int> _termIds = [];
        private readonly List<int> _cooperationStarts = [0];
        private readonly List<int> _cooperation = [];
        private readonly List<int> _wordStarts = [0];
        private readonly List<int> _words = [];
        private readonly byte[] _encoded = new byte[1024];

        public int Count => _ids.Count;

        public void Add(DirectoryEntryData entry)
        {
            ArgumentNullException.ThrowIfNull(entry);
            _ids.Add(entry.Id);
            AddText(entry.Name);
            AddText(entry.Slug);
            _acronyms.Add(Ref(entry.Acronym));
            _countries.Add(Ref(entry.CountryCode));
            _regions.Add(Ref(entry.Region));
            _labels.Add(entry.Label is { } label ? (sbyte)label : (sbyte)-1);
            _precisions.Add(entry.LocationPrecision is { } precision ? (sbyte)precision : (sbyte)-1);
            _flags.Add((byte)((entry.IsSampleData ? SampleDataFlag : 0) | (entry.RelyOnContactRequests ? ContactRequestsFlag : 0)));
            _published.Add(entry.PublishedAt is { } published ? published.UtcTicks : long.MinValue);
            foreach (var number in (ReadOnlySpan<int?>)[entry.TotalMembers, entry.EstablishedYear, entry.SmeMembers, entry.StartupMembers,
                entry.LargeCompanyMembers, entry.ResearchOrganisationMembers, entry.OtherEcosystemActors])
            {
                _numbers.Add(number ?? NoNumber);
            }
            _coordinates.Add(entry.Latitude ?? double.NaN);
            _coordinates.Add(entry.Longitude ?? double.NaN);
            _termIds.AddRange(entry.TermIds);
            _termStarts.Add(_termIds.Count);
            foreach (var country in entry.CooperationCountries)
            {
                _cooperation.Add(Ref(country));
            }
            _cooperationStarts.Add(_cooperation.Count);
            for (var w = 0; w < entry.NameWords.Length; w++)
            {
                var word = Ref(entry.NameWords[w]);
                _stemOf[word] = Ref(entry.NameStems[w]);
                _words.Add(word);
            }
            _wordStarts.Add(_words.Count);
        }

        /// <summary>
        /// Gives every entry added so far its terms, in place of those it was added with: the profile rows are read
        /// while the term rows are, and given them once both are in.
        /// </summary>
        internal void SetTerms(Func<int, int[]> termsOf)
        {
            _termIds.Clear();
            _termStarts.Clear();
            _termStarts.Add(0);
            foreach (var id in _ids)
            {
                _termIds.AddRange(termsOf(id));
                _termStarts.Add(_termIds.Count);
            }
        }

        public DirectoryEntries Build() => Columns().WithOrders();

        /// <summary>The entries without their orders (<see cref="WithOrders"/>): a part to be gathered with others (<see cref="DirectoryEntriesGather"/>).</summary>
        internal DirectoryEntries Columns() => new()
        {
            Ids = [.. _ids],
            Text = [.. _text],
            TextStarts = [.. _textStarts],
            Strings = [.. _strings],
            StemOf = [.. _stemOf],
            Acronyms = [.. _acronyms],
            Countries = [.. _countries],
            Regions = [.. _regions],
            Labels = [.. _labels],
            Precisions = [.. _precisions],
            Flags = [.. _flags],
            Published = [.. _published],
            Numbers = [.. _numbers],
            Coordinates = [.. _coordinates],
            TermStarts = [.. _termStarts],
            TermIds = [.. _termIds],
            CooperationStarts = [.. _cooperationStarts],
            Cooperation = [.. _cooperation],
            WordStarts = [.. _wordStarts],
            Words = [.. _words],
        };

        private void AddText(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            var bytes = length <= _encoded.Length ? _encoded.AsSpan(0, length) : new byte[length];
            Encoding.UTF8.GetBytes(value, bytes);
            _text.AddRange(bytes);
            _textStarts.Add(_text.Count);
        }

        private int Ref(string? value)
        {
            if (value is null)
            {
                return -1;
            }
            if (!_stringIndex.TryGetValue(value, out var index))
            {
                // Interned: the strings also live in the facets, the statistics and the word lists.
                _stringIndex[value] = index = _strings.Count;
                _strings.Add(string.Intern(value));
                _stemOf.Add(-1);
            }
            return index;
        }
    }
}
