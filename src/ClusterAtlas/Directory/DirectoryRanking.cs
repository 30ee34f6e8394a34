using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The orders of the directory's results: entries pre-sorted by name, date and size, and relevance worked out from the
/// name words and vocabulary terms in the entries' columns, without pointer chasing.
/// </summary>
internal sealed class DirectoryRanking
{
    private readonly int[] _byName;
    private readonly int[] _byNewest;
    private readonly int[] _byMembers;
    private readonly DirectoryEntries _entries;
    private int[]? _nameRanks;

    /// <summary>The distinct name words of the entries, as indexes into their strings.</summary>
    private readonly int[] _nameWords;
    private readonly Dictionary<int, string[]> _termWords = [];
    private readonly Dictionary<int, string[]> _termStems = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (byte[][] NameWords, bool[] Terms)> _wordMatches = new(StringComparer.Ordinal);

    /// <summary>How many searches' word matches are kept (each a byte per string of the entries and search word).</summary>
    private const int MaxKeptWordMatches = 256;

    /// <param name="terms">The terms that may be shown and searched (not the proposed ones).</param>
    public DirectoryRanking(DirectoryEntries entries, IEnumerable<VocabularyTerm> terms)
    {
        _entries = entries;
        foreach (var term in terms)
        {
            _termWords[term.Id] = [.. SearchText.Words(SearchDocument.Fold(term.Label))];
            _termStems[term.Id] = [.. _termWords[term.Id].Select(SearchText.StemOf)];
        }
        var isNameWord = new bool[entries.Strings.Length];
        foreach (var word in entries.Words)
        {
            isNameWord[word] = true;
        }
        _nameWords = [.. Enumerable.Range(0, isNameWord.Length).Where(w => isNameWord[w])];

        (_byName, _byNewest, _byMembers) = (entries.ByName, entries.ByNewest, entries.ByMembers);
    }

    /// <summary>The words of the vocabulary terms (for the words people may mean).</summary>
    public IEnumerable<string[]> TermWords => _termWords.Values;

    /// <summary>The entries of one page of the matches, in the query's order.</summary>
    public List<int> Page(SearchQuery query, FacetCounting.Tally matches, byte[]? wordCounts, SearchText? text)
    {
        var skip = (query.Page - 1) * query.PageSize;
        return query.EffectiveSort switch
        {
            SearchSort.Newest => Take(_byNewest, matches, skip, query.PageSize),
            SearchSort.Members => Take(_byMembers, matches, skip, query.PageSize),
            SearchSort.Relevance when text is not null => ByRelevance(matches, wordCounts, text, skip, query.PageSize),
            _ => Take(_byName, matches, skip, query.PageSize),
        };
    }

    /// <summary>Each entry's place in the name order: few matches are sorted by it instead of the whole order being walked.</summary>
    private int[] NameRanks => LazyInitializer.EnsureInitialized(ref _nameRanks, () =>
    {
        var ranks = new int[_byName.Length];
        for (var rank = 0; rank < _byName.Length; rank++)
        {
            ranks[_byName[rank]] = rank;
        }
        return ranks;
    });

    /// <summary>
    /// Whether the matches are few enough to be collected and sorted rather than found by walking a whole order (a
    /// filter leaves a few hundred of 100,000 entries; walking the name order tested every one of them).
    /// </summary>
    private bool FewMatches(FacetCounting.Tally matches) => (long)matches.Total * 32 < _byName.Length;

    /// <summary>The matches' entries in name order.</summary>
    private int[] MatchesByName(FacetCounting.Tally matches)
    {
        var found = new int[matches.Total];
        var n = 0;
        for (var w = 0; w < matches.Matches.Length && n < found.Length; w++)
        {
            for (var bits = matches.Matches[w]; bits != 0; bits &= bits - 1)
            {
                found[n++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }
        }
        var ranks = NameRanks;
        var keys = new int[found.Length];
        for (var k = 0; k < found.Length; k++)
        {
            keys[k] = ranks[found[k]];
        }
        Array.Sort(keys, found);
        return found;
    }

    private List<int> Take(int[] order, FacetCounting.Tally matches, int skip, int take)
    {
        if (order == _byName && FewMatches(matches))
        {
            return [.. MatchesByName(matches).Skip(skip).Take(take)];
        }
        var page = new List<int>(take);
        foreach (var index in order)
        {
            if (!matches.IsMatch(index))
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
    private List<int> ByRelevance(FacetCounting.Tally matches, byte[]? wordCounts, SearchText text, int skip, int take)
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
        var (nameWordMatches, matchingTerms) = WordMatchesOf(text);
        // With few matches, the matches in name order; otherwise the whole name order, skipping the others.
        var inNameOrder = FewMatches(matches) ? MatchesByName(matches) : _byName;
        foreach (var index in inNameOrder)
        {
            if (!matches.IsMatch(index))
            {
                continue;
            }
            var tier = TierOf(index, nameWordMatches, matchingTerms);
            tier = tier == 0
                ? Math.Min(ExtraWordTiers - 1, Math.Max(0, _entries.WordStarts[index + 1] - _entries.WordStarts[index] - text.Tokens.Count))
                : tier + ExtraWordTiers - 1;
            var bucket = wordCounts is null ? tier : (Math.Max(0, text.Tokens.Count - wordCounts[index]) * Tiers) + tier;
            // A bucket's entries after the first `needed` (in name order) can never reach the page.
            if (buckets[bucket].Count < needed)
            {
                buckets[bucket].Add(index);
            }
            if (bucket == 0 && buckets[0].Count == needed)
            {
                break; // the best bucket alone fills the page, in name order: nothing after can come before
            }
        }
        return [.. buckets.SelectMany(b => b).Skip(skip).Take(take)];
    }

    /// <summary>
    /// How each distinct name word matches each of the search's words (2 whole word, 1 typed prefix only) and which
    /// terms match, kept per search words for the snapshot's life: working them out went through every distinct name
    /// word of the directory, a third of a common word's search at 100,000 profiles. At most
    /// <see cref="MaxKeptWordMatches"/> searches are kept; a full store starts again.
    /// </summary>
    private (byte[][] NameWords, bool[] Terms) WordMatchesOf(SearchText text)
    {
        if (_wordMatches.TryGetValue(text.Key, out var kept))
        {
            return kept;
        }
        var nameWordMatches = new byte[text.Tokens.Count][];
        for (var t = 0; t < text.Tokens.Count; t++)
        {
            nameWordMatches[t] = new byte[_entries.Strings.Length];
            foreach (var w in _nameWords)
            {
                var (word, stem) = (_entries.Strings[w], _entries.Strings[_entries.StemOf[w]]);
                nameWordMatches[t][w] = text.WholeWordMatches(word, stem, t) ? (byte)2 : text.WordMatches(word, stem, t) ? (byte)1 : (byte)0;
            }
        }
        var made = (nameWordMatches, TermsMatching(text));
        if (_wordMatches.Count >= MaxKeptWordMatches)
        {
            _wordMatches.Clear();
        }
        _wordMatches[text.Key] = made;
        return made;
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
        var nameStart = _entries.WordStarts[index];
        var nameEnd = _entries.WordStarts[index + 1];
        foreach (var tokenMatches in nameWordMatches)
        {
            byte best = 0;
            for (var k = nameStart; k < nameEnd && best < 2; k++)
            {
                best = Math.Max(best, tokenMatches[_entries.Words[k]]);
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
        for (var k = _entries.TermStarts[index]; k < _entries.TermStarts[index + 1]; k++)
        {
            var termId = _entries.TermIds[k];
            if (termId < matchingTerms.Length && matchingTerms[termId])
            {
                return 3;
            }
        }
        return 4;
    }
}
