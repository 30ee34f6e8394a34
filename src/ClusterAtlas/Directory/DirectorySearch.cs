using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ClusterDirectory;

/// <param name="MatchesSomeWords">No profile matched all of the words, so the results are those matching some of them.</param>
public sealed record DirectorySearchResult(
    SearchQuery Query, SearchResult Result, IReadOnlyDictionary<int, string> Snippets, IReadOnlyDictionary<int, string> Descriptions,
    string? SuggestedQuery, IReadOnlyDictionary<string, string[]> Errors, bool MatchesSomeWords = false)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The one search service of the page and the API: the database's full-text engine says which profiles match
/// the words; the in-memory <see cref="DirectoryIndex"/> filters, counts facets, ranks and pages.
/// </summary>
public sealed class DirectorySearch(ClusterAtlasDbContext db, DirectoryIndex index, FullTextMatchCache cache, CountryList countries)
{
    public async Task<DirectorySearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await index.CurrentAsync(cancellationToken);
        var text = SearchText.Parse(query.Q);
        IReadOnlyCollection<int>? matches = null;
        if (text is not null)
        {
            matches = await MatchAsync(snapshot, text, cancellationToken);
        }
        var result = snapshot.Search(query, matches, text);
        string? suggestion = null;
        var someWords = false;
        if (result.Total == 0 && text is not null && result.UnknownValues.Count == 0)
        {
            // Nothing has every word: each word alone (cached like any search) says which profiles have some of
            // them, and which words the directory holds at all, so "did you mean" leaves those alone.
            var perWord = new List<IReadOnlyCollection<int>>(text.Tokens.Count);
            for (var t = 0; t < text.Tokens.Count; t++)
            {
                perWord.Add(text.Tokens.Count == 1 ? matches! : await MatchAsync(snapshot, text.Word(t), cancellationToken));
            }
            suggestion = await SuggestAsync(snapshot, query, text, [.. perWord.Select(ids => ids.Count > 0)], cancellationToken);
            if (text.Tokens.Count > 1 && perWord.Any(ids => ids.Count > 0))
            {
                var some = snapshot.SearchSomeWords(query, perWord, text);
                if (some.Total > 0)
                {
                    (result, someWords) = (some, true);
                }
            }
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (facet, values) in result.UnknownValues)
        {
            errors[facet] = [.. values.Select(v => $"'{v}' is not a known {facet} value.")];
        }
        foreach (var facet in new[] { Facet.Country, Facet.CooperatesWith })
        {
            var bad = query.Values(facet).Where(code => countries.ByCode(code) is null || code.Any(char.IsLower)).ToList();
            if (bad.Count > 0)
            {
                errors[facet] = [.. bad.Select(v => $"'{v}' is not an ISO 3166-1 alpha-2 country code (such as RS or DE).")];
            }
        }

        var snippets = new Dictionary<int, string>();
        if (text is not null && result.Hits.Count > 0)
        {
            var originals = await FullTextEngine.For(db).OriginalTextAsync(db, [.. result.Hits.Select(h => h.Entry.Id)], cancellationToken);
            foreach (var (id, original) in originals)
            {
                if (SearchSnippet.Build(original, text) is { } snippet)
                {
                    snippets[id] = snippet;
                }
            }
        }
        // Short descriptions stay in the database (memory is for facets): one query for the page's hits.
        var withoutSnippet = result.Hits.Select(h => h.Entry.Id).Where(id => !snippets.ContainsKey(id)).ToList();
        var descriptions = withoutSnippet.Count == 0
            ? []
            : await db.ClusterOrganisations.AsNoTracking()
                .Where(p => withoutSnippet.Contains(p.Id) && p.ShortDescription != null)
                .ToDictionaryAsync(p => p.Id, p => Shorten(p.ShortDescription!, 240), cancellationToken);
        return new DirectorySearchResult(query, result, snippets, descriptions, suggestion, errors, someWords);
    }

    private Task<IReadOnlyCollection<int>> MatchAsync(DirectorySnapshot snapshot, SearchText text, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(snapshot.LastChange, text.Key, () => FullTextEngine.For(db).MatchAsync(db, text, cancellationToken));

    /// <summary>A spelling to suggest, only if it finds something with the same filters: a suggestion that leads nowhere helps no one.</summary>
    private async Task<string?> SuggestAsync(DirectorySnapshot snapshot, SearchQuery query, SearchText text, IReadOnlyList<bool> inIndex, CancellationToken cancellationToken)
    {
        var suggested = SpellingSuggestion.For(text, snapshot.KnownWords, snapshot.KnownStems, inIndex);
        if (suggested is null || SearchText.Parse(suggested) is not { } suggestedText)
        {
            return null;
        }
        var found = snapshot.Search(query with { Page = 1, PageSize = 1 }, await MatchAsync(snapshot, suggestedText, cancellationToken), suggestedText);
        return found.Total > 0 ? suggested : null;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}

/// <summary>
/// Recent full-text matches by query text, for the current state of the directory: people type the same
/// common words ("cluster", "innovation"), and those are the costly ones.
/// </summary>
public sealed class FullTextMatchCache
{
    // Bounded by the ids held, not the number of queries: a common word can match every profile.
    private const long MaxIds = 4_000_000;
    private readonly ConcurrentDictionary<(DateTimeOffset, string), int[]> _entries = new();
    private long _ids;

    public async Task<IReadOnlyCollection<int>> GetOrAddAsync(DateTimeOffset version, string key, Func<Task<List<int>>> match)
    {
        if (_entries.TryGetValue((version, key), out var cached))
        {
            return cached;
        }
        var ids = (await match()).ToArray();
        if (Interlocked.Add(ref _ids, ids.Length) > MaxIds)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _ids, ids.Length);
        }
        _entries[(version, key)] = ids;
        return ids;
    }
}

/// <summary>A short passage around the first word that matches, HTML-encoded, with the matching words marked.</summary>
public static class SearchSnippet
{
    public static string? Build(string original, SearchText text, int wordsAround = 14)
    {
        var plain = original.Replace("\\", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var words = System.Text.RegularExpressions.Regex.Matches(plain, @"[\p{L}\p{N}]+");
        var matchAt = -1;
        var marked = new bool[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            var folded = SearchDocument.Fold(words[w].Value);
            for (var t = 0; t < text.Tokens.Count; t++)
            {
                if (text.WordMatches(folded, t))
                {
                    marked[w] = true;
                    if (matchAt < 0)
                    {
                        matchAt = w;
                    }
                    break;
                }
            }
        }
        if (matchAt < 0)
        {
            return null;
        }
        var first = Math.Max(0, matchAt - wordsAround / 3);
        var last = Math.Min(words.Count - 1, first + wordsAround);
        var html = new StringBuilder();
        if (first > 0)
        {
            html.Append("… ");
        }
        var position = words[first].Index;
        for (var w = first; w <= last; w++)
        {
            html.Append(WebUtility.HtmlEncode(plain[position..words[w].Index]));
            var word = WebUtility.HtmlEncode(words[w].Value);
            html.Append(marked[w] ? $"<mark>{word}</mark>" : word);
            position = words[w].Index + words[w].Length;
        }
        if (last < words.Count - 1)
        {
            html.Append(" …");
        }
        return html.ToString().Trim();
    }
}

/// <summary>
/// "Did you mean": each unknown word replaced by the nearest known word (names, vocabulary, countries). A word is
/// left as typed when it is known, another form of a known word, or found in some profile (<paramref name="inIndex"/>
/// for each token): "smart textiles" must not become "start textiles".
/// </summary>
public static class SpellingSuggestion
{
    public static string? For(SearchText text, IReadOnlySet<string> knownWords, IReadOnlySet<string> knownStems, IReadOnlyList<bool> inIndex)
    {
        var changed = false;
        var suggested = new List<string>();
        for (var t = 0; t < text.Tokens.Count; t++)
        {
            var token = text.Tokens[t];
            if (token.Length < 3 || inIndex[t] || knownWords.Contains(token) || knownStems.Contains(text.Stems[t]))
            {
                suggested.Add(token);
                continue;
            }
            var allowed = token.Length <= 4 ? 1 : 2;
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var word in knownWords)
            {
                if (Math.Abs(word.Length - token.Length) > allowed)
                {
                    continue;
                }
                var distance = Distance(token, word, allowed);
                if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(word, best) < 0))
                {
                    (best, bestDistance) = (word, distance);
                }
            }
            if (best is not null && bestDistance <= allowed)
            {
                suggested.Add(best);
                changed = true;
            }
            else
            {
                suggested.Add(token);
            }
        }
        return changed ? string.Join(' ', suggested) : null;
    }

    /// <summary>Levenshtein distance, giving up early once it exceeds the limit.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit)
            {
                return int.MaxValue;
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

/// <summary>Keeps the full-text index in step with profile writes, inside the writer's transaction.</summary>
public sealed class SearchIndexWriter(CountryList countries, TermTranslations translations)
{
    public async Task IndexAsync(ClusterAtlasDbContext db, IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken)
    {
        var engine = FullTextEngine.For(db);
        foreach (var chunk in profileIds.Chunk(1000))
        {
            var profiles = await db.ClusterOrganisations.AsNoTracking()
                .Where(p => chunk.Contains(p.Id))
                .Include(p => p.Terms).ThenInclude(t => t.Term)
                .Include(p => p.SupportProgrammes).Include(p => p.SuccessStories)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var published = profiles.Where(p => p.Status == ProfileStatus.Published).Select(p => SearchDocument.For(p, countries, translations)).ToList();
            await engine.RemoveAsync(db, [.. chunk.Except(published.Select(d => d.ProfileId))], cancellationToken);
            await engine.UpsertAsync(db, published, cancellationToken);
        }
    }

    /// <summary>Indexes profiles already in memory with their terms (bulk loads), in the caller's transaction.</summary>
    public Task IndexLoadedAsync(ClusterAtlasDbContext db, IReadOnlyList<ClusterOrganisation> profiles, CancellationToken cancellationToken) =>
        FullTextEngine.For(db).UpsertAsync(db,
            [.. profiles.Where(p => p.Status == ProfileStatus.Published).Select(p => SearchDocument.For(p, countries, translations))], cancellationToken);

    /// <summary>
    /// Builds the text index afresh when it does not hold what the profile tables hold (new installation, restore) or
    /// was written before documents held the countries' names in every UI language.
    /// </summary>
    public async Task EnsureCompleteAsync(ClusterAtlasDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var engine = FullTextEngine.For(db);
        await engine.EnsureCreatedAsync(db, cancellationToken);
        var published = await db.ClusterOrganisations.CountAsync(p => p.Status == ProfileStatus.Published, cancellationToken);
        if (await engine.CountAsync(db, cancellationToken) == published && await HoldsTranslatedNamesAsync(db, engine, cancellationToken))
        {
            return;
        }
        logger.LogInformation("Rebuilding the full-text index for {Count} profiles", published);
        var ids = await db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published).Select(p => p.Id).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM profile_search", cancellationToken);
        await IndexAsync(db, ids, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One probe: the first published profile with a country is found by that country's Serbian name.</summary>
    private async Task<bool> HoldsTranslatedNamesAsync(ClusterAtlasDbContext db, IFullTextEngine engine, CancellationToken cancellationToken)
    {
        var sample = await db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.Status == ProfileStatus.Published && p.CountryCode != null)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.CountryCode })
            .FirstOrDefaultAsync(cancellationToken);
        if (sample is null || countries.TranslationsOf(sample.CountryCode) is not [var serbian, ..] || SearchText.Parse(serbian + " ") is not { } text)
        {
            return true;
        }
        return (await engine.MatchAsync(db, text, cancellationToken)).Contains(sample.Id);
    }
}
