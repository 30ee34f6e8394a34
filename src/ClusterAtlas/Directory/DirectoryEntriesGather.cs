namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Entries taken from several sets of entries in a given order, one column at a time: the parts of a first load
/// merged in name order, or a directory with its changed entries replaced. Copied an entry at a time (as a builder
/// did before), each entry's twenty reads at random places of its part waited for memory one after another: 4 s of a
/// million entries' first load. A column's loop keeps many reads in flight, and the columns are copied on the
/// processors at once (docs/decisions/0031-a-million-profiles.md, "The first start again").
/// </summary>
internal static class DirectoryEntriesGather
{
    /// <summary>The entries <c>sources[sourceOf[i]]</c> at <c>positionOf[i]</c>, in that order, without their orders (<see cref="DirectoryEntries.WithOrders"/>).</summary>
    public static DirectoryEntries Gather(IReadOnlyList<DirectoryEntries> sources, int[] sourceOf, int[] positionOf)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(sourceOf);
        ArgumentNullException.ThrowIfNull(positionOf);
        if (sourceOf.Length != positionOf.Length)
        {
            throw new ArgumentException("One source for each position.", nameof(sourceOf));
        }
        var count = sourceOf.Length;
        int[] ids = new int[count], acronyms = new int[count], countries = new int[count], regions = new int[count], numbers = [];
        sbyte[] labels = new sbyte[count], precisions = new sbyte[count];
        var flags = new byte[count];
        var published = new long[count];
        double[] coordinates = [];
        (int[] Starts, int[] Values) terms = ([], []), cooperation = ([], []), words = ([], []);
        (int[] Starts, byte[] Values) text = ([], []);
        var strings = new StringTable(sources);

        Action[] columns =
        [
            // The columns that refer to strings, in one task: they share the new string table.
            () =>
            {
                for (var i = 0; i < count; i++)
                {
                    var (source, position) = (sourceOf[i], positionOf[i]);
                    var entries = sources[source];
                    acronyms[i] = strings.Map(source, entries.Acronyms[position]);
                    countries[i] = strings.Map(source, entries.Countries[position]);
                    regions[i] = strings.Map(source, entries.Regions[position]);
                }
                cooperation = Ranges(sources, sourceOf, positionOf, static e => e.CooperationStarts, static e => e.Cooperation, strings.Map);
                words = Ranges(sources, sourceOf, positionOf, static e => e.WordStarts, static e => e.Words, strings.MapWord);
            },
            () =>
            {
                for (var i = 0; i < count; i++)
                {
                    var (entries, position) = (sources[sourceOf[i]], positionOf[i]);
                    ids[i] = entries.Ids[position];
                    labels[i] = entries.Labels[position];
                    precisions[i] = entries.Precisions[position];
                    flags[i] = entries.Flags[position];
                    published[i] = entries.Published[position];
                }
            },
            () =>
            {
                numbers = Fixed(sources, sourceOf, positionOf, static e => e.Numbers, DirectoryEntries.NumbersPerEntry);
                coordinates = Fixed(sources, sourceOf, positionOf, static e => e.Coordinates, 2);
            },
            () => terms = Ranges(sources, sourceOf, positionOf, static e => e.TermStarts, static e => e.TermIds, null),
            // Names and slugs: two ranges per entry, so twice the positions, each entry's name then its slug.
            () => text = Ranges(sources, sourceOf, positionOf, static e => e.TextStarts, static e => e.Text, null, rangesPerEntry: 2),
        ];
        if (count >= 10_000)
        {
            Parallel.Invoke(columns);
        }
        else
        {
            foreach (var column in columns)
            {
                column();
            }
        }
        return new DirectoryEntries
        {
            Ids = ids,
            Text = text.Values,
            TextStarts = text.Starts,
            Strings = strings.Strings(),
            StemOf = strings.StemOf(),
            Acronyms = acronyms,
            Countries = countries,
            Regions = regions,
            Labels = labels,
            Precisions = precisions,
            Flags = flags,
            Published = published,
            Numbers = numbers,
            Coordinates = coordinates,
            TermStarts = terms.Starts,
            TermIds = terms.Values,
            CooperationStarts = cooperation.Starts,
            Cooperation = cooperation.Values,
            WordStarts = words.Starts,
            Words = words.Values,
        };
    }

    /// <summary>A column of <paramref name="width"/> values per entry.</summary>
    private static T[] Fixed<T>(IReadOnlyList<DirectoryEntries> sources, int[] sourceOf, int[] positionOf, Func<DirectoryEntries, T[]> column, int width)
    {
        var columnOf = sources.Select(column).ToArray();
        var values = new T[sourceOf.Length * width];
        for (var i = 0; i < sourceOf.Length; i++)
        {
            columnOf[sourceOf[i]].AsSpan(positionOf[i] * width, width).CopyTo(values.AsSpan(i * width, width));
        }
        return values;
    }

    /// <summary>
    /// A column of a range of values per entry (<paramref name="rangesPerEntry"/> ranges, one after the other) and its
    /// starts; each value put through <paramref name="map"/> with its source's number when given.
    /// </summary>
    private static (int[] Starts, T[] Values) Ranges<T>(
        IReadOnlyList<DirectoryEntries> sources, int[] sourceOf, int[] positionOf, Func<DirectoryEntries, int[]> startsColumn, Func<DirectoryEntries, T[]> valuesColumn,
        Func<int, T, T>? map, int rangesPerEntry = 1)
    {
        var startsOf = sources.Select(startsColumn).ToArray();
        var valuesOf = sources.Select(valuesColumn).ToArray();
        var starts = new int[(sourceOf.Length * rangesPerEntry) + 1];
        for (var i = 0; i < sourceOf.Length; i++)
        {
            var sourceStarts = startsOf[sourceOf[i]];
            var first = positionOf[i] * rangesPerEntry;
            for (var r = 0; r < rangesPerEntry; r++)
            {
                var at = (i * rangesPerEntry) + r;
                starts[at + 1] = starts[at] + (sourceStarts[first + r + 1] - sourceStarts[first + r]);
            }
        }
        var values = new T[starts[^1]];
        for (var i = 0; i < sourceOf.Length; i++)
        {
            var source = sourceOf[i];
            var from = startsOf[source][positionOf[i] * rangesPerEntry];
            var (to, length) = (starts[i * rangesPerEntry], starts[(i + 1) * rangesPerEntry] - starts[i * rangesPerEntry]);
            var range = valuesOf[source].AsSpan(from, length);
            if (map is null)
            {
                range.CopyTo(values.AsSpan(to, length));
            }
            else
            {
                for (var v = 0; v < length; v++)
                {
                    values[to + v] = map(source, range[v]);
                }
            }
        }
        return (starts, values);
    }

    /// <summary>
    /// The new entries' string table: each source's strings numbered anew as the columns meet them, so strings no
    /// entry refers to any more (a region of a changed profile) are left behind. A name word brings its stem.
    /// </summary>
    private sealed class StringTable(IReadOnlyList<DirectoryEntries> sources)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];
        private readonly List<int> _stemOf = [];
        // Each source's string numbers here, plus one: zero is "not met yet".
        private readonly int[][] _mapped = [.. sources.Select(s => new int[s.Strings.Length])];

        public int Map(int source, int index)
        {
            if (index < 0)
            {
                return -1;
            }
            var mapped = _mapped[source];
            if (mapped[index] != 0)
            {
                return mapped[index] - 1;
            }
            var value = sources[source].Strings[index];
            if (!_index.TryGetValue(value, out var number))
            {
                _index[value] = number = _strings.Count;
                _strings.Add(value);
                _stemOf.Add(-1);
            }
            mapped[index] = number + 1;
            return number;
        }

        /// <summary>A name word, and its stem with it.</summary>
        public int MapWord(int source, int index)
        {
            var number = Map(source, index);
            if (number >= 0 && _stemOf[number] < 0 && sources[source].StemOf[index] is var stem && stem >= 0)
            {
                _stemOf[number] = Map(source, stem);
            }
            return number;
        }

        public string[] Strings() => [.. _strings];

        public int[] StemOf() => [.. _stemOf];
    }
}
