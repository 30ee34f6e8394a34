using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>A facet value with its label and how many profiles it would give.</summary>
public sealed record FacetCount(string Value, string Label, int Count, bool Selected, int Depth = 0);

public sealed record SearchHit(DirectoryEntry Entry, IReadOnlyList<string> Sectors);

public sealed record SearchResult(
    int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    IReadOnlyDictionary<string, string[]> UnknownValues);

/// <summary>
/// An immutable picture of the directory: entries in dense arrays, each facet's values as small integers per entry,
/// and the entries pre-sorted by name, date and size. Searches read it without locks; refreshes replace it whole.
/// </summary>
public sealed class DirectorySnapshot
{
    private sealed class FacetValues
    {
        public readonly Dictionary<string, int> IdByValue = new(StringComparer.Ordinal);
        public readonly List<string> Values = [];
        public readonly List<string> Labels = [];
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

        public int Intern(string value, string label, int parent = -1, int sortOrder = int.MaxValue)
        {
            if (!IdByValue.TryGetValue(value, out var id))
            {
                id = Values.Count;
                IdByValue[value] = id;
                Values.Add(value);
                Labels.Add(label);
                Parents.Add(parent);
                SortOrders.Add(sortOrder);
            }
            return id;
        }
    }

    private static readonly int[] None = [];

    /// <summary>How many values an open facet (country, region, cooperation country) lists at most, besides the chosen ones.</summary>
    public const int MaxOpenFacetValues = 100;
    private readonly Dictionary<string, FacetValues> _facets = [];
    private readonly Dictionary<int, int> _indexById;
    private readonly int[] _byName;
    private readonly int[] _byNewest;
    private readonly int[] _byMembers;
    // Name words and terms of every entry, packed like the facet values, for relevance without pointer chasing.
    private readonly List<(string Word, string Stem)> _nameWords = [];
    private readonly int[] _nameOffsets;
    private readonly int[] _nameWordIds;
    private readonly int[] _termOffsets;
    private readonly int[] _termIdsPacked;
    private readonly Dictionary<int, string[]> _termWords = [];
    private readonly Dictionary<int, string[]> _termStems = [];
    private readonly Dictionary<int, string> _termLabels = [];
    private readonly Dictionary<int, string> _termVocabulary = [];

    public DirectoryEntry[] Entries { get; }
    public DateTimeOffset LastChange { get; }

    /// <summary>Words people may mean when a search finds nothing: from names, vocabulary labels and countries.</summary>
    public IReadOnlySet<string> KnownWords { get; }

    /// <summary>The stems of <see cref="KnownWords"/>: another form of a known word ("textiles", "textile") is known too.</summary>
    public IReadOnlySet<string> KnownStems { get; }

    public DirectorySnapshot(DirectoryEntry[] entries, IReadOnlyList<VocabularyTerm> terms, CountryList countries, DateTimeOffset lastChange)
    {
        Entries = entries;
        LastChange = lastChange;
        _indexById = new Dictionary<int, int>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            _indexById[entries[i].Id] = i;
        }
        foreach (var name in Facet.All)
        {
            _facets[name] = new FacetValues();
        }
        // Proposed terms wait for an administrator's review: not shown, not searched, not counted.
        var termById = terms.Where(t => t.Status != TermStatus.Proposed).ToDictionary(t => t.Id);
        foreach (var term in termById.Values)
        {
            _termLabels[term.Id] = term.Label;
            _termVocabulary[term.Id] = term.Vocabulary;
            _termWords[term.Id] = [.. SearchText.Words(SearchDocument.Fold(term.Label))];
            _termStems[term.Id] = [.. _termWords[term.Id].Select(SearchText.StemOf)];
        }
        // Vocabulary facets list every active term, so a facet shows its choices even with zero matches.
        var termFacets = Facet.Vocabularies.ToDictionary(f => f.Value, f => f.Key);
        int InternTerm(VocabularyTerm term)
        {
            var facet = _facets[termFacets[term.Vocabulary]];
            var parent = term.ParentId is { } parentId && termById.TryGetValue(parentId, out var parentTerm) ? InternTerm(parentTerm) : -1;
            return facet.Intern(TextFolding.Slug(term.Label), term.Label, parent, term.SortOrder);
        }
        foreach (var term in terms.Where(t => termFacets.ContainsKey(t.Vocabulary) && t.Status == TermStatus.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Label, StringComparer.Ordinal))
        {
            InternTerm(term);
        }
        foreach (var level in new[] { ExcellenceLabel.Gold, ExcellenceLabel.Silver, ExcellenceLabel.Bronze, ExcellenceLabel.None })
        {
            _facets[Facet.Label].Intern(level.ToString().ToLowerInvariant(), level == ExcellenceLabel.None ? Facet.NoExcellenceLabel : $"{level} Label");
        }
        foreach (var (value, _, _) in Facet.MemberRanges)
        {
            _facets[Facet.Members].Intern(value, Facet.MemberRangeLabel(value));
        }

        foreach (var facet in _facets.Values)
        {
            facet.Building = new int[entries.Length][];
        }
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            Set(Facet.Country, i, e.CountryCode is null ? None : [_facets[Facet.Country].Intern(e.CountryCode, countries.NameOf(e.CountryCode))]);
            Set(Facet.Region, i, e.Region is null ? None : [_facets[Facet.Region].Intern(e.Region, e.Region)]);
            Set(Facet.Label, i, e.Label is null ? None : [_facets[Facet.Label].IdByValue[e.Label.Value.ToString().ToLowerInvariant()]]);
            Set(Facet.Members, i, Facet.MemberRange(e.TotalMembers) is { } range ? [_facets[Facet.Members].IdByValue[range]] : None);
            Set(Facet.CooperatesWith, i, e.CooperationCountries.Length == 0 ? None
                : [.. e.CooperationCountries.Select(code => _facets[Facet.CooperatesWith].Intern(code, countries.NameOf(code)))]);
            foreach (var (vocabulary, facetName) in termFacets)
            {
                var values = new List<int>();
                foreach (var termId in e.TermIds)
                {
                    // Retired terms stay on their profiles but are no longer filters.
                    if (termById.TryGetValue(termId, out var term) && term.Vocabulary == vocabulary && term.Status == TermStatus.Active)
                    {
                        // A profile counts under its terms and their ancestors: choosing a parent includes its children.
                        for (var id = InternTerm(term); id >= 0; id = _facets[facetName].Parents[id])
                        {
                            if (!values.Contains(id))
                            {
                                values.Add(id);
                            }
                        }
                    }
                }
                Set(facetName, i, values.Count == 0 ? None : [.. values]);
            }
        }

        foreach (var facet in _facets.Values)
        {
            facet.Pack();
        }

        var nameWordIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _nameOffsets = new int[entries.Length + 1];
        _termOffsets = new int[entries.Length + 1];
        var nameIds = new List<int>(entries.Length * 4);
        var termIds = new List<int>(entries.Length * 8);
        for (var i = 0; i < entries.Length; i++)
        {
            for (var w = 0; w < entries[i].NameWords.Length; w++)
            {
                if (!nameWordIndex.TryGetValue(entries[i].NameWords[w], out var id))
                {
                    id = _nameWords.Count;
                    nameWordIndex[entries[i].NameWords[w]] = id;
                    _nameWords.Add((entries[i].NameWords[w], entries[i].NameStems[w]));
                }
                nameIds.Add(id);
            }
            termIds.AddRange(entries[i].TermIds);
            _nameOffsets[i + 1] = nameIds.Count;
            _termOffsets[i + 1] = termIds.Count;
        }
        _nameWordIds = [.. nameIds];
        _termIdsPacked = [.. termIds];

        var indexes = Enumerable.Range(0, entries.Length).ToArray();
        _byName = [.. indexes.OrderBy(i => entries[i].Name, StringComparer.OrdinalIgnoreCase).ThenBy(i => entries[i].Id)];
        _byNewest = [.. indexes.OrderByDescending(i => entries[i].PublishedAt).ThenBy(i => entries[i].Id)];
        _byMembers = [.. indexes.OrderByDescending(i => entries[i].TotalMembers ?? -1).ThenBy(i => entries[i].Name, StringComparer.OrdinalIgnoreCase)];

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            words.UnionWith(e.NameWords);
        }
        foreach (var termWords in _termWords.Values)
        {
            words.UnionWith(termWords);
        }
        foreach (var country in countries.All)
        {
            words.UnionWith(SearchText.Words(SearchDocument.Fold(country.Name)));
        }
        words.RemoveWhere(w => w.Length < 3);
        KnownWords = words;
        KnownStems = words.Select(SearchText.StemOf).ToHashSet(StringComparer.Ordinal);
    }

    private void Set(string facet, int entry, int[] values) => _facets[facet].Building![entry] = values;

    /// <summary>
    /// Filters, counts and sorts. Facet counts are disjunctive: each facet's counts apply every other active
    /// filter but its own. One pass: an entry that passes every filter counts for all facets; one that fails
    /// exactly one filter counts for that facet only.
    /// </summary>
    public SearchResult Search(SearchQuery query, IReadOnlyCollection<int>? textMatches, SearchText? text)
    {
        bool[]? candidates = null;
        if (textMatches is not null)
        {
            candidates = new bool[Entries.Length];
            foreach (var id in textMatches)
            {
                if (_indexById.TryGetValue(id, out var index))
                {
                    candidates[index] = true;
                }
            }
        }
        return Search(query, candidates, null, text);
    }

    /// <summary>
    /// The profiles that match some of the words, for when none matches them all: those matching more of the words
    /// first, then by the relevance tiers. <paramref name="matchesPerWord"/> holds each word's full-text matches.
    /// </summary>
    public SearchResult SearchSomeWords(SearchQuery query, IReadOnlyList<IReadOnlyCollection<int>> matchesPerWord, SearchText text)
    {
        var candidates = new bool[Entries.Length];
        var wordCounts = new byte[Entries.Length];
        foreach (var ids in matchesPerWord)
        {
            foreach (var id in ids)
            {
                if (_indexById.TryGetValue(id, out var index))
                {
                    candidates[index] = true;
                    wordCounts[index]++;
                }
            }
        }
        return Search(query, candidates, wordCounts, text);
    }

    private SearchResult Search(SearchQuery query, bool[]? candidates, byte[]? wordCounts, SearchText? text)
    {
        var unknown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var active = new List<(string Name, FacetValues Facet, bool[] Wanted)>();
        foreach (var (name, values) in query.Filters)
        {
            var facet = _facets[name];
            var wanted = new bool[facet.Values.Count];
            var missing = new List<string>();
            foreach (var value in values)
            {
                if (facet.IdByValue.TryGetValue(value, out var id))
                {
                    wanted[id] = true;
                }
                else if (name == Facet.Country || name == Facet.CooperatesWith ? !IsCountryCode(value) : name is Facet.Label or Facet.Members or Facet.Sector or Facet.Technology or Facet.S3 or Facet.Service)
                {
                    missing.Add(value);
                }
            }
            if (missing.Count > 0)
            {
                unknown[name] = [.. missing];
            }
            active.Add((name, facet, wanted));
        }

        // Arrays, not dictionaries, in the loop that runs once per profile.
        var facetList = _facets.ToList();
        var facetArray = facetList.Select(f => f.Value).ToArray();
        var counts = facetList.Select(f => new int[f.Value.Values.Count]).ToArray();
        var activeIndex = active.Select(a => facetList.FindIndex(f => f.Key == a.Name)).ToArray();
        var activeWanted = active.Select(a => a.Wanted).ToArray();
        var matches = new bool[Entries.Length];
        var total = 0;
        for (var i = 0; i < Entries.Length; i++)
        {
            if (candidates is not null && !candidates[i])
            {
                continue;
            }
            var failures = 0;
            var failed = -1;
            for (var a = 0; a < activeIndex.Length; a++)
            {
                if (!Intersects(facetArray[activeIndex[a]].Of(i), activeWanted[a]))
                {
                    failures++;
                    failed = activeIndex[a];
                    if (failures > 1)
                    {
                        break;
                    }
                }
            }
            if (failures == 0)
            {
                matches[i] = true;
                total++;
                for (var f = 0; f < facetArray.Length; f++)
                {
                    var facetCounts = counts[f];
                    foreach (var value in facetArray[f].Of(i))
                    {
                        facetCounts[value]++;
                    }
                }
            }
            else if (failures == 1)
            {
                var facetCounts = counts[failed];
                foreach (var value in facetArray[failed].Of(i))
                {
                    facetCounts[value]++;
                }
            }
        }

        var skip = (query.Page - 1) * query.PageSize;
        var page = query.EffectiveSort switch
        {
            SearchSort.Newest => Take(_byNewest, matches, skip, query.PageSize),
            SearchSort.Members => Take(_byMembers, matches, skip, query.PageSize),
            SearchSort.Relevance when text is not null => ByRelevance(matches, wordCounts, text, skip, query.PageSize),
            _ => Take(_byName, matches, skip, query.PageSize),
        };
        var hits = page.Select(i => new SearchHit(Entries[i], SectorsOf(Entries[i]))).ToList();
        var facets = facetList.Select((f, index) => (f.Key, Counts: (IReadOnlyList<FacetCount>)FacetCounts(f.Key, f.Value, counts[index], query.Values(f.Key))))
            .ToDictionary(f => f.Key, f => f.Counts);
        return new SearchResult(total, hits, facets, unknown);
    }

    private static bool IsCountryCode(string value) => value.Length == 2 && value.All(char.IsAsciiLetterUpper);

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

    private static List<int> Take(int[] order, bool[] matches, int skip, int take)
    {
        var page = new List<int>(take);
        foreach (var index in order)
        {
            if (!matches[index])
            {
                continue;
            }
            if (skip > 0)
            {
                skip--;
                continue;
            }
            page.Add(index);
            if (page.Count == take)
            {
                break;
            }
        }
        return page;
    }

    /// <summary>
    /// Relevance in tiers, cheap enough for every match: every word in the name as a whole word ("metal" in
    /// "Vojvodina Metal Cluster"), then every word in the name counting typed prefixes ("metal" in "Metalworking"),
    /// then some word in the name or the acronym, then a word in one of the profile's vocabulary terms, then a
    /// mention in the text; by name within a tier. Names with every word are ordered by how little else they say
    /// ("Vojvodina Metal Cluster" before "Mirdale Metal Mining Network" for "metal"). With <paramref name="wordCounts"/>
    /// (some of the words matched), profiles matching more of the words come first.
    /// </summary>
    private List<int> ByRelevance(bool[] matches, byte[]? wordCounts, SearchText text, int skip, int take)
    {
        // The first tier is split by the name's words beyond the search's (0 to 7 or more): its own sub-tiers.
        const int ExtraWordTiers = 8;
        const int Tiers = 4 + ExtraWordTiers;
        var groups = wordCounts is null ? 1 : text.Tokens.Count;
        var buckets = new List<int>[groups * Tiers];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = [];
        }
        var needed = skip + take;
        // How each distinct name word matches each token (2 whole word, 1 typed prefix only), worked out once per search.
        var nameWordMatches = new byte[text.Tokens.Count][];
        for (var t = 0; t < text.Tokens.Count; t++)
        {
            nameWordMatches[t] = new byte[_nameWords.Count];
            for (var w = 0; w < _nameWords.Count; w++)
            {
                var (word, stem) = _nameWords[w];
                nameWordMatches[t][w] = text.WholeWordMatches(word, stem, t) ? (byte)2 : text.WordMatches(word, stem, t) ? (byte)1 : (byte)0;
            }
        }
        var matchingTerms = TermsMatching(text);
        foreach (var index in _byName)
        {
            if (!matches[index])
            {
                continue;
            }
            var tier = TierOf(index, nameWordMatches, matchingTerms);
            tier = tier == 0
                ? Math.Min(ExtraWordTiers - 1, Math.Max(0, _nameOffsets[index + 1] - _nameOffsets[index] - text.Tokens.Count))
                : tier + ExtraWordTiers - 1;
            var bucket = wordCounts is null ? tier : (Math.Max(0, text.Tokens.Count - wordCounts[index]) * Tiers) + tier;
            buckets[bucket].Add(index);
            if (bucket == 0 && buckets[0].Count == needed)
            {
                break; // the best bucket alone fills the page, in name order: nothing after can come before
            }
        }
        return [.. buckets.SelectMany(b => b).Skip(skip).Take(take)];
    }

    /// <summary>The vocabulary terms with a word that matches the search, by term id.</summary>
    private bool[] TermsMatching(SearchText text)
    {
        var matching = new bool[(_termWords.Count == 0 ? 0 : _termWords.Keys.Max()) + 1];
        foreach (var (termId, words) in _termWords)
        {
            var stems = _termStems[termId];
            for (var w = 0; w < words.Length && !matching[termId]; w++)
            {
                for (var t = 0; t < text.Tokens.Count; t++)
                {
                    if (text.WordMatches(words[w], stems[w], t))
                    {
                        matching[termId] = true;
                        break;
                    }
                }
            }
        }
        return matching;
    }

    private int TierOf(int index, byte[][] nameWordMatches, bool[] matchingTerms)
    {
        var whole = 0;
        var inName = 0;
        var nameStart = _nameOffsets[index];
        var nameEnd = _nameOffsets[index + 1];
        foreach (var tokenMatches in nameWordMatches)
        {
            byte best = 0;
            for (var k = nameStart; k < nameEnd && best < 2; k++)
            {
                best = Math.Max(best, tokenMatches[_nameWordIds[k]]);
            }
            if (best == 2)
            {
                whole++;
            }
            if (best > 0)
            {
                inName++;
            }
        }
        if (whole == nameWordMatches.Length)
        {
            return 0;
        }
        if (inName == nameWordMatches.Length)
        {
            return 1;
        }
        if (inName > 0)
        {
            return 2;
        }
        for (var k = _termOffsets[index]; k < _termOffsets[index + 1]; k++)
        {
            var termId = _termIdsPacked[k];
            if (termId < matchingTerms.Length && matchingTerms[termId])
            {
                return 3;
            }
        }
        return 4;
    }

    private List<string> SectorsOf(DirectoryEntry entry) =>
        [.. entry.TermIds.Where(id => _termVocabulary.GetValueOrDefault(id) == Vocabulary.SectoralIndustries).Select(id => _termLabels[id]).Take(3)];

    private static List<FacetCount> FacetCounts(string name, FacetValues facet, int[] counts, IReadOnlyList<string> selected)
    {
        var list = new List<FacetCount>();
        // Fixed orders for small facets and vocabularies (as the vocabulary lists them, children under parents); by count for the open ones.
        if (name is Facet.Country or Facet.Region or Facet.CooperatesWith)
        {
            for (var id = 0; id < facet.Values.Count; id++)
            {
                if (counts[id] > 0 || selected.Contains(facet.Values[id]))
                {
                    list.Add(new FacetCount(facet.Values[id], facet.Labels[id], counts[id], selected.Contains(facet.Values[id])));
                }
            }
            // Open lists (regions run into the hundreds) keep the chosen values and the largest others.
            return [.. list.OrderByDescending(c => c.Selected).ThenByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)
                .Where((c, rank) => c.Selected || rank < MaxOpenFacetValues)];
        }
        void AddTree(int parent, int depth)
        {
            for (var id = 0; id < facet.Values.Count; id++)
            {
                if (facet.Parents[id] == parent)
                {
                    list.Add(new FacetCount(facet.Values[id], facet.Labels[id], counts[id], selected.Contains(facet.Values[id]), depth));
                    AddTree(id, depth + 1);
                }
            }
        }
        AddTree(-1, 0);
        return list;
    }
}
