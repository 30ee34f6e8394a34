using System.Runtime.CompilerServices;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Statistics;

/// <summary>
/// What the statistics group by, per entry of a directory snapshot, as small integers: its country, its region, its
/// terms per vocabulary (by label), its excellence label and member-size class. Built once per snapshot (it does not
/// depend on the filters), so a result set's tables are counted in one pass over its positions into arrays; only the
/// values that occur are then named in the visitor's language (naming each entry's values took most of the time).
/// </summary>
public sealed class StatisticsBasis
{
    private static readonly ConditionalWeakTable<DirectorySnapshot, StatisticsBasis> BySnapshot = new();

    /// <summary>The vocabularies counted, in the order of <see cref="Terms"/>.</summary>
    public static readonly IReadOnlyList<string> Vocabularies =
        [Vocabulary.SectoralIndustries, Vocabulary.EmergingIndustries, Vocabulary.TechnologyFields, Vocabulary.S3PriorityAreas];

    public static int IndexOfVocabulary(string vocabulary)
    {
        for (var v = 0; v < Vocabularies.Count; v++)
        {
            if (Vocabularies[v] == vocabulary)
            {
                return v;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(vocabulary), vocabulary, "Not a vocabulary of the statistics.");
    }

    public static StatisticsBasis Of(DirectorySnapshot snapshot) => BySnapshot.GetValue(snapshot, s => new StatisticsBasis(s));

    /// <summary>The country codes that occur; <see cref="CountryOf"/> holds an index into them, or -1.</summary>
    public string[] Countries { get; }
    public int[] CountryOf { get; }
    public string[] Regions { get; }
    public int[] RegionOf { get; }

    /// <summary>Per vocabulary: the term labels that occur, and per entry the label of each of its distinct terms (a term under review is none).</summary>
    public TermLabels[] Terms { get; }

    /// <summary>One vocabulary's labels, and each entry's packed in one array: entry i's are <c>Values[Starts[i]..Starts[i + 1]]</c>.</summary>
    public sealed record TermLabels(string[] Labels, int[] Starts, int[] Values)
    {
        public ReadOnlySpan<int> Of(int entry) => Values.AsSpan(Starts[entry], Starts[entry + 1] - Starts[entry]);
    }

    /// <summary>Index into <see cref="Facet.ExcellenceLevels"/>, or -1 when the profile does not say.</summary>
    public sbyte[] LabelOf { get; }

    /// <summary>Index into <see cref="Facet.MemberRanges"/>, or -1 without a number of members.</summary>
    public sbyte[] MemberRangeOf { get; }

    private StatisticsBasis(DirectorySnapshot snapshot)
    {
        var entries = snapshot.Entries;
        var countries = new Interned(entries.Count);
        var regions = new Interned(entries.Count);
        var labels = Vocabularies.Select(_ => new Interned(entries.Count)).ToArray();
        var termStarts = Vocabularies.Select(_ => new int[entries.Count + 1]).ToArray();
        var termValues = Vocabularies.Select(_ => new List<int>()).ToArray();
        var levels = Facet.ExcellenceLevels.ToList();
        LabelOf = new sbyte[entries.Count];
        MemberRangeOf = new sbyte[entries.Count];
        var perVocabulary = Vocabularies.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            countries.Add(i, e.CountryCode);
            regions.Add(i, e.Region);
            foreach (var list in perVocabulary)
            {
                list.Clear();
            }
            var termIds = e.TermIds;
            for (var t = 0; t < termIds.Length; t++)
            {
                var termId = termIds[t];
                if (termIds[..t].Contains(termId))
                {
                    continue;
                }
                if (snapshot.TermOf(termId) is { } term && Vocabularies.Contains(term.Vocabulary, StringComparer.Ordinal))
                {
                    var v = IndexOfVocabulary(term.Vocabulary);
                    perVocabulary[v].Add(labels[v].IdOf(term.Label));
                }
            }
            for (var v = 0; v < perVocabulary.Length; v++)
            {
                termValues[v].AddRange(perVocabulary[v]);
                termStarts[v][i + 1] = termValues[v].Count;
            }
            LabelOf[i] = (sbyte)(e.Label is { } label ? levels.IndexOf(label) : -1);
            MemberRangeOf[i] = (sbyte)(Facet.MemberRange(e.TotalMembers) is { } range ? IndexOfRange(range) : -1);
        }
        (Countries, CountryOf) = (countries.Values.ToArray(), countries.Of);
        (Regions, RegionOf) = (regions.Values.ToArray(), regions.Of);
        Terms = [.. labels.Select((l, v) => new TermLabels([.. l.Values], termStarts[v], [.. termValues[v]]))];
    }

    private static int IndexOfRange(string range)
    {
        for (var r = 0; r < Facet.MemberRanges.Count; r++)
        {
            if (Facet.MemberRanges[r].Value == range)
            {
                return r;
            }
        }
        return -1;
    }

    /// <summary>Strings numbered in the order they first occur, and each entry's number (-1 for none).</summary>
    private sealed class Interned(int entries)
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public List<string> Values { get; } = [];
        public int[] Of { get; } = new int[entries];

        public void Add(int entry, string? value) => Of[entry] = value is null ? -1 : IdOf(value);

        public int IdOf(string value)
        {
            if (!_ids.TryGetValue(value, out var id))
            {
                _ids[value] = id = Values.Count;
                Values.Add(value);
            }
            return id;
        }
    }
}
