using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The one search service of the page and the API: the database's full-text engine says which profiles match
/// the words; the in-memory <see cref="DirectoryIndex"/> filters, counts facets, ranks and pages.
/// </summary>
public sealed class DirectorySearch(ClusterAtlasDbContext db, DirectoryIndex index, FullTextMatchCache cache, CountryList countries, IHttpContextAccessor http)
{
    public async Task<DirectorySearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        await SearchAsync(query, await index.ForReaderAsync(http.HttpContext, cancellationToken), cancellationToken);

    /// <summary>
    /// Another page of an earlier search of this request, in the directory that search read: consistent with it, and
    /// never waiting for a refresh of the directory, which needs a database connection, while this request holds one
    /// (with every pooled connection held so, the refresh would wait for the pool's timeout).
    /// </summary>
    public Task<DirectorySearchResult> AnotherPageAsync(DirectorySearchResult earlier, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return earlier.Snapshot is { } snapshot
            ? SearchAsync(earlier.Query with { Page = page }, snapshot, cancellationToken)
            : SearchAsync(earlier.Query with { Page = page }, cancellationToken);
    }

    private async Task<DirectorySearchResult> SearchAsync(SearchQuery query, DirectorySnapshot snapshot, CancellationToken cancellationToken)
    {
        var text = SearchText.Parse(query.Q);
        TextMatches? matches = null;
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
            var perWord = new List<TextMatches>(text.Tokens.Count);
            for (var t = 0; t < text.Tokens.Count; t++)
            {
                perWord.Add(text.Tokens.Count == 1 ? matches! : await MatchAsync(snapshot, text.Word(t), cancellationToken));
            }
            suggestion = await SuggestAsync(snapshot, query, text, [.. perWord.Select(word => word.Count > 0)], cancellationToken);
            if (text.Tokens.Count > 1 && perWord.Any(word => word.Count > 0))
            {
                var some = snapshot.SearchSomeWords(query, perWord, text);
                if (some.Total > 0)
                {
                    (result, someWords) = (some, true);
                }
            }
        }

        var errors = ErrorsOf(query, result.UnknownValues);

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
        // Short descriptions stay in the database (memory is for facets): one query for the page's hits, the two
        // columns only, as plain SQL: through a LINQ query, EF's own work was a tenth of a search page's time.
        var withoutSnippet = result.Hits.Select(h => h.Entry.Id).Where(id => !snippets.ContainsKey(id)).ToList();
        var descriptions = new Dictionary<int, string>();
        if (withoutSnippet.Count > 0)
        {
            await using var command = await FullTextEngine.CommandAsync(db,
                $"SELECT \"Id\", \"ShortDescription\" FROM \"ClusterOrganisations\" WHERE \"Id\" IN ({string.Join(',', withoutSnippet)}) AND \"ShortDescription\" IS NOT NULL",
                cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                descriptions[reader.GetInt32(0)] = Shorten(reader.GetString(1), 240);
            }
        }
        return new DirectorySearchResult(query, result, snippets, descriptions, suggestion, errors, someWords) { Snapshot = snapshot };
    }

    /// <summary>
    /// Every published profile matching the query's words and filters, unpaged: what the map, its GeoJSON and the
    /// statistics show. The same words and filters as the directory (no "some of the words" fallback: a map of
    /// approximate matches would overstate them). Errors are those <see cref="SearchAsync"/> would report.
    /// </summary>
    public async Task<DirectoryMatches> MatchingAsync(SearchQuery query, CancellationToken cancellationToken) =>
        await MatchingAsync(query, await index.ForReaderAsync(http.HttpContext, cancellationToken), cancellationToken);

    /// <summary>
    /// <see cref="MatchingAsync(SearchQuery, CancellationToken)"/> in the directory with every write made until now,
    /// its refresh waited for however long it takes: the saved searches matched after a publication, which must find it
    /// (a reader waits a second, <see cref="DirectoryIndex.ReaderWait"/>).
    /// </summary>
    public async Task<DirectoryMatches> MatchingWithEveryWriteAsync(SearchQuery query, CancellationToken cancellationToken) =>
        await MatchingAsync(query, await index.CurrentAsync(cancellationToken), cancellationToken);

    private async Task<DirectoryMatches> MatchingAsync(SearchQuery query, DirectorySnapshot snapshot, CancellationToken cancellationToken)
    {
        var text = SearchText.Parse(query.Q);
        var matches = text is null ? null : await MatchAsync(snapshot, text, cancellationToken);
        var (positions, unknownValues) = snapshot.Matching(query, matches);
        return new DirectoryMatches(snapshot.Entries.At(positions), positions, snapshot, ErrorsOf(query, unknownValues));
    }

    /// <summary>Filter values no facet knows, and country parameters that are not country codes.</summary>
    private Dictionary<string, Pages.ParameterError[]> ErrorsOf(SearchQuery query, IReadOnlyDictionary<string, string[]> unknownValues)
    {
        var errors = new Dictionary<string, Pages.ParameterError[]>(StringComparer.Ordinal);
        foreach (var (facet, values) in unknownValues)
        {
            errors[facet] = [.. values.Select(v => new Pages.ParameterError("'{0}' is not a known {1} value.", v, facet))];
        }
        foreach (var facet in new[] { Facet.Country, Facet.CooperatesWith })
        {
            var bad = query.Values(facet).Where(code => countries.ByCode(code) is null || code.Any(char.IsLower)).ToList();
            if (bad.Count > 0)
            {
                errors[facet] = [.. bad.Select(v => new Pages.ParameterError("'{0}' is not an ISO 3166-1 alpha-2 country code (such as RS or DE).", v))];
            }
        }
        return errors;
    }

    private Task<TextMatches> MatchAsync(DirectorySnapshot snapshot, SearchText text, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(snapshot, text.Key, () => FullTextEngine.For(db).MatchAsync(db, text, cancellationToken));

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
