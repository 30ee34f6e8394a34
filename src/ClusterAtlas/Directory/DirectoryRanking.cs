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
    /// <summary>The searches' word matches kept: 256, each a byte per string of the entries and search word.</summary>
    private readonly Caching.BoundedCache<string, (byte[][] NameWords, bool[] Terms)> _wordMatches = new(256, StringComparer.Ordinal);

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

    /// <summary>Each entry's place in the name order (see <see cref="InNameOrder"/>).</summary>
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
    /// Visits the matches' entries in name order until <paramref name="visit"/> says stop, without a sort and without
    /// walking the whole name order: each match sets the bit of its place in the name order, and the set bits, read
    /// in turn, are the matches by name. A word of 64 places is skipped at once, so this costs the matches plus one
    /// pass over a bit per entry (1,600 words at 100,000 entries), where walking the order tested every entry.
    /// </summary>
    private void InNameOrder(FacetCounting.Tally matches, Func<int, bool> visit)
    {
        var ranks = NameRanks;
        var byRank = System.Buffers.ArrayPool<ulong>.Shared.Rent(matches.Matches.Length);
        try
        {
            var placed = byRank.AsSpan(0, matches.Matches.Length);
            placed.Clear();
            for (var w = 0; w < matches.Matches.Length; w++)
            {
                for (var bits = matches.Matches[w]; bits != 0; bits &= bits - 1)
                {
                    var rank = ranks[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)];
                    placed[rank >> 6] |= 1UL << rank;
                }
            }
            for (var w = 0; w < placed.Length; w++)
            {
                for (var bits = placed[w]; bits != 0; bits &= bits - 1)
                {
                    if (!visit(_byName[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)]))
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(byRank);
        }
    }

    private List<int> Take(int[] order, FacetCounting.Tally matches, int skip, int take)
    {
        if (order == _byName)
        {
            var inOrder = new List<int>(take);
            InNameOrder(matches, index =>
            {
                if (skip > 0)
                {
                    skip--;
                    return true;
                }
                inOrder.Add(index);
                return inOrder.Count < take;
            });
            return inOrder;
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
        InNameOrder(matches, index =>
        {
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
            // The best bucket alone fills the page, in name order: nothing after can come before.
            return bucket != 0 || buckets[0].Count < needed;
        });
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
        _wordMatches.Set(text.Key, made);
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
