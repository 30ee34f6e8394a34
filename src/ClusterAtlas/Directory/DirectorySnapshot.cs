using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// An immutable picture of the directory: entries in dense arrays, each facet's values as small integers per entry
/// (<see cref="FacetValues"/>), and their orders (<see cref="DirectoryRanking"/>). Searches read it without locks;
/// refreshes replace it whole. It holds codes and the data's names, never words of the interface.
/// </summary>
public sealed class DirectorySnapshot
{
    /// <summary>How many values an open facet (country, region, cooperation country) lists at most, besides the chosen ones.</summary>
    public const int MaxOpenFacetValues = FacetCounting.MaxOpenFacetValues;

    // The facets in the order of Facet.All: arrays, as the counting loop reads them once per profile.
    private readonly string[] _facetNames = [.. Facet.All];
    private readonly FacetValues[] _facetValues;
    private readonly Dictionary<int, int> _indexById;
    private readonly DirectoryRanking _ranking;
    private readonly Dictionary<int, string> _termLabels = [];
    private readonly Dictionary<int, string> _termVocabulary = [];
    /// <summary>The searches' counts a snapshot keeps: 256, at a million profiles about 130 KB each.</summary>
    private readonly Caching.BoundedCache<(ulong[]? Candidates, string Filters), Counted> _counted = new(256);

    /// <summary>
    /// A search's tally and facet lists: the same for every page and order of the same words and filters. With words,
    /// also the first <see cref="RelevanceHeadLength"/> matches by relevance once a page of that order was asked for.
    /// </summary>
    private sealed record Counted(FacetCounting.Tally Tally, Dictionary<string, IReadOnlyList<FacetCount>> Lists)
    {
        public List<int>? RelevanceHead { get; set; }
    }

    /// <summary>How many of a search's best matches are kept in relevance order (the first 50 pages of 20).</summary>
    private const int RelevanceHeadLength = 1000;

    public DirectoryEntries Entries { get; }
    public DateTimeOffset LastChange { get; }

    /// <summary>This snapshot's number among the process's snapshots (newer is higher): what bitsets over its entries are valid for.</summary>
    public long Generation { get; } = Interlocked.Increment(ref s_generations);

    private static long s_generations;

    /// <summary>Words people may mean when a search finds nothing: from names, vocabulary labels and countries.</summary>
    public IReadOnlySet<string> KnownWords { get; }

    /// <summary>The stems of <see cref="KnownWords"/>: another form of a known word ("textiles", "textile") is known too.</summary>
    public IReadOnlySet<string> KnownStems { get; }

    public DirectorySnapshot(DirectoryEntries entries, IReadOnlyList<VocabularyTerm> terms, CountryList countries, DateTimeOffset lastChange)
    {
        Entries = entries;
        LastChange = lastChange;
        _indexById = new Dictionary<int, int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            _indexById[entries.Ids[i]] = i;
        }
        _facetValues = [.. _facetNames.Select(_ => new FacetValues())];
        // Proposed terms wait for an administrator's review: not shown, not searched, not counted.
        var termById = terms.Where(t => t.Status != TermStatus.Proposed).ToDictionary(t => t.Id);
        foreach (var term in termById.Values)
        {
            _termLabels[term.Id] = term.Label;
            _termVocabulary[term.Id] = term.Vocabulary;
        }
        // Vocabulary facets list every active term, so a facet shows its choices even with zero matches.
        var termFacets = Facet.Vocabularies.ToDictionary(f => f.Value, f => f.Key);
        int InternTerm(VocabularyTerm term)
        {
            var facet = FacetOf(termFacets[term.Vocabulary]);
            var parent = term.ParentId is { } parentId && termById.TryGetValue(parentId, out var parentTerm) ? InternTerm(parentTerm) : -1;
            return facet.Intern(TextFolding.Slug(term.Label), term.Label, parent, term.SortOrder);
        }
        foreach (var term in terms.Where(t => termFacets.ContainsKey(t.Vocabulary) && t.Status == TermStatus.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Label, StringComparer.Ordinal))
        {
            InternTerm(term);
        }
        // Codes only: the page and the API name excellence labels and member ranges in their visitor's language.
        foreach (var level in Facet.ExcellenceLevels)
        {
            FacetOf(Facet.Label).Intern(Facet.ExcellenceCode(level), null);
        }
        foreach (var (value, _, _) in Facet.MemberRanges)
        {
            FacetOf(Facet.Members).Intern(value, null);
        }

        var (country, region, label, members, cooperatesWith) =
            (FacetOf(Facet.Country), FacetOf(Facet.Region), FacetOf(Facet.Label), FacetOf(Facet.Members), FacetOf(Facet.CooperatesWith));
        var termFacetValues = termFacets.Select(f => FacetOf(f.Value)).ToArray();
        var slotOfVocabulary = termFacets.Keys.Select((vocabulary, slot) => (vocabulary, slot)).ToDictionary(v => v.vocabulary, v => v.slot);
        // Each active term's facet and its value with its ancestors' (a profile counts under its terms and their
        // ancestors: choosing a parent includes its children), found once per term rather than once per profile.
        // Retired terms stay on their profiles but are no longer filters.
        var valuesOfTerm = new Dictionary<int, (int Slot, int[] Values)>();
        foreach (var term in termById.Values.Where(t => t.Status == TermStatus.Active && termFacets.ContainsKey(t.Vocabulary)))
        {
            var slot = slotOfVocabulary[term.Vocabulary];
            var chain = new List<int>();
            for (var id = InternTerm(term); id >= 0; id = termFacetValues[slot].Parents[id])
            {
                chain.Add(id);
            }
            valuesOfTerm[term.Id] = (slot, [.. chain]);
        }
        // Country, region and cooperation values by the entries' string numbers: each string is named and interned once.
        // (One array per facet: "RS" is a country and a cooperation country, with a value in each.)
        var (countryOfString, regionOfString, cooperationOfString) =
            (new int[entries.Strings.Length], new int[entries.Strings.Length], new int[entries.Strings.Length]);
        int ValueOf(FacetValues facet, int[] known, int stringIndex, bool countryName)
        {
            if (known[stringIndex] == 0)
            {
                var value = entries.Strings[stringIndex];
                known[stringIndex] = facet.Intern(value, countryName ? countries.NameOf(value) : value) + 1;
            }
            return known[stringIndex] - 1;
        }
        var labelValues = Facet.ExcellenceLevels.ToDictionary(level => (sbyte)level, level => label.IdByValue[Facet.ExcellenceCode(level)]);
        var memberValues = Facet.MemberRanges.ToDictionary(range => range.Value, range => members.IdByValue[range.Value]);
        foreach (var facet in _facetValues)
        {
            facet.StartPacking(entries.Count);
        }
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries.Countries[i] >= 0)
            {
                country.AddValue(ValueOf(country, countryOfString, entries.Countries[i], countryName: true));
            }
            if (entries.Regions[i] >= 0)
            {
                region.AddValue(ValueOf(region, regionOfString, entries.Regions[i], countryName: false));
            }
            if (entries.Labels[i] >= 0)
            {
                label.AddValue(labelValues[entries.Labels[i]]);
            }
            if (Facet.MemberRange(entries[i].TotalMembers) is { } range)
            {
                members.AddValue(memberValues[range]);
            }
            for (var c = entries.CooperationStarts[i]; c < entries.CooperationStarts[i + 1]; c++)
            {
                cooperatesWith.AddValue(ValueOf(cooperatesWith, cooperationOfString, entries.Cooperation[c], countryName: true));
            }
            for (var t = entries.TermStarts[i]; t < entries.TermStarts[i + 1]; t++)
            {
                if (valuesOfTerm.TryGetValue(entries.TermIds[t], out var term))
                {
                    foreach (var id in term.Values)
                    {
                        termFacetValues[term.Slot].AddValueOnce(id);
                    }
                }
            }
            foreach (var facet in _facetValues)
            {
                facet.EndEntry();
            }
        }
        foreach (var facet in _facetValues)
        {
            facet.FinishPacking();
        }

        _ranking = new DirectoryRanking(entries, termById.Values);

        // The name words of every entry are strings of the entries' table: each distinct one is added once.
        var words = new HashSet<string>(StringComparer.Ordinal);
        var seen = new bool[entries.Strings.Length];
        foreach (var word in entries.Words)
        {
            if (!seen[word])
            {
                seen[word] = true;
                words.Add(entries.Strings[word]);
            }
        }
        foreach (var termWords in _ranking.TermWords)
        {
            words.UnionWith(termWords);
        }
        foreach (var known in countries.All)
        {
            words.UnionWith(SearchText.Words(SearchDocument.Fold(known.Name)));
        }
        words.RemoveWhere(w => w.Length < 3);
        KnownWords = words;
        KnownStems = words.Select(SearchText.StemOf).ToHashSet(StringComparer.Ordinal);
    }

    private FacetValues FacetOf(string facet) => _facetValues[Array.IndexOf(_facetNames, facet)];

    /// <summary>Filters, counts (see <see cref="FacetCounting"/>) and sorts.</summary>
    public SearchResult Search(SearchQuery query, TextMatches? textMatches, SearchText? text) =>
        Search(query, textMatches?.Bits, null, text);

    /// <summary>
    /// The full-text engine's matching profile ids as a bitset over the entries (ids of profiles not in the directory,
    /// such as drafts, dropped): a common word matches most of a million profiles, and finding each id's entry again
    /// on every search cost more than counting the facets.
    /// </summary>
    public TextMatches MatchesOf(IEnumerable<int> ids)
    {
        var bits = new ulong[(Entries.Count + 63) / 64];
        var count = 0;
        foreach (var id in ids)
        {
            if (_indexById.TryGetValue(id, out var index) && (bits[index >> 6] & (1UL << index)) == 0)
            {
                bits[index >> 6] |= 1UL << index;
                count++;
            }
        }
        return new TextMatches(bits, count);
    }

    /// <summary>
    /// The profiles that match some of the words, for when none matches them all: those matching more of the words
    /// first, then by the relevance tiers. <paramref name="matchesPerWord"/> holds each word's full-text matches.
    /// </summary>
    public SearchResult SearchSomeWords(SearchQuery query, IReadOnlyList<TextMatches> matchesPerWord, SearchText text)
    {
        var candidates = new ulong[(Entries.Count + 63) / 64];
        var wordCounts = new byte[Entries.Count];
        foreach (var matches in matchesPerWord)
        {
            for (var word = 0; word < candidates.Length; word++)
            {
                var bits = matches.Bits[word];
                candidates[word] |= bits;
                for (; bits != 0; bits &= bits - 1)
                {
                    wordCounts[(word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
                }
            }
        }
        return Search(query, candidates, wordCounts, text);
    }

    /// <summary>
    /// The positions in <see cref="Entries"/> of every entry that passes the query's words and filters, unpaged and in
    /// order (for the map and the statistics, which count over them), and the filter values no facet knows.
    /// </summary>
    public (int[] Positions, IReadOnlyDictionary<string, string[]> UnknownValues) Matching(SearchQuery query, TextMatches? textMatches)
    {
        var tally = CountOf(query, textMatches?.Bits).Tally;
        var positions = new int[tally.Total];
        var found = 0;
        for (var i = 0; i < Entries.Count && found < positions.Length; i++)
        {
            if (tally.IsMatch(i))
            {
                positions[found++] = i;
            }
        }
        return (positions, tally.UnknownValues);
    }

    /// <summary>The entry of a published profile, or null.</summary>
    public DirectoryEntry? Find(int profileId) => _indexById.TryGetValue(profileId, out var index) ? Entries[index] : null;

    /// <summary>The position of a published profile's entry, or -1.</summary>
    public int PositionOf(int profileId) => _indexById.TryGetValue(profileId, out var index) ? index : -1;

    /// <summary>A term's label and vocabulary, for the statistics (null for a term under review).</summary>
    public (string Label, string Vocabulary)? TermOf(int termId) =>
        _termLabels.TryGetValue(termId, out var label) ? (label, _termVocabulary[termId]) : null;

    private SearchResult Search(SearchQuery query, ulong[]? candidates, byte[]? wordCounts, SearchText? text)
    {
        // "Some of the words" searches make their candidates anew each time: nothing to find them by again.
        var counted = wordCounts is null ? CountOf(query, candidates) : Count(query, candidates);
        var (tally, lists) = counted;
        List<int> page;
        if (wordCounts is null && text is not null && query.EffectiveSort == SearchSort.Relevance
            && (long)query.Page * query.PageSize <= RelevanceHeadLength)
        {
            // Ranking every match of a common word took most of such a search's time; its first pages are kept.
            var head = counted.RelevanceHead ??= _ranking.Page(query with { Page = 1, PageSize = RelevanceHeadLength }, tally, null, text);
            page = [.. head.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)];
        }
        else
        {
            page = _ranking.Page(query, tally, wordCounts, text);
        }
        var hits = page.Select(i => new SearchHit(Entries[i], SectorsOf(Entries[i]))).ToList();
        return new SearchResult(tally.Total, hits, lists, tally.UnknownValues);
    }

    /// <summary>
    /// The tally and facet lists of the words' matches (<paramref name="candidates"/>, the same array for the same
    /// words while the match cache keeps them) and the filters, counted once per snapshot: the next page, another
    /// order, the same search by another reader, the map and the statistics of it reuse them. Counting every facet
    /// over a common word's matches was most of a search's time at 100,000 profiles.
    /// </summary>
    private Counted CountOf(SearchQuery query, ulong[]? candidates)
    {
        var key = (candidates, FiltersKey(query));
        if (_counted.TryGetValue(key, out var counted))
        {
            return counted;
        }
        counted = Count(query, candidates);
        _counted.Set(key, counted);
        return counted;
    }

    private Counted Count(SearchQuery query, ulong[]? candidates)
    {
        var tally = FacetCounting.Count(query, _facetNames, _facetValues, Entries.Count, candidates);
        return new Counted(tally, FacetCounting.Lists(query, _facetNames, _facetValues, tally));
    }

    /// <summary>The filters as one string, the same whatever their order in the query string.</summary>
    private static string FiltersKey(SearchQuery query) =>
        string.Join('\u001e', query.Filters.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + '\u001f' + string.Join('\u001f', f.Value.Order(StringComparer.Ordinal))));

    private List<string> SectorsOf(DirectoryEntry entry)
    {
        var sectors = new List<string>(3);
        foreach (var id in entry.TermIds)
        {
            if (_termVocabulary.GetValueOrDefault(id) == Vocabulary.SectoralIndustries && sectors.Count < 3)
            {
                sectors.Add(_termLabels[id]);
            }
        }
        return sectors;
    }
}
