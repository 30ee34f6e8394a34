using ClusterAtlas.ClusterDirectory;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// The matching and faceting that the small lists (partner search, events, calls) share, done in memory after one
/// query: every word of q starts a word of the item, and each facet's counts apply every other facet's filters (the
/// directory's disjunctive faceting).
/// </summary>
public static class SmallListSearch
{
    /// <summary>Every word of the query starts a word of the item.</summary>
    public static bool HasWords(string[] itemWords, string[] queryWords) =>
        queryWords.All(w => itemWords.Any(x => x.StartsWith(w, StringComparison.Ordinal)));

    /// <summary>The item has one of the chosen values of every facet (but <paramref name="except"/>, for that facet's counts).</summary>
    public static bool Passes(SearchQuery search, Func<string, IEnumerable<string>> valuesOf, string? except) =>
        search.Filters.All(f => f.Key == except || f.Value.Count == 0 || valuesOf(f.Key).Any(f.Value.Contains));

    /// <summary>
    /// Each facet's values with their counts among <paramref name="matching"/> (the other facets' filters applied), the
    /// chosen values kept even at zero, most frequent first.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<PostingFacetValue>> Facets<T>(IReadOnlyList<T> matching, SearchQuery search,
        IEnumerable<string> facets, Func<T, string, IEnumerable<string>> valuesOf, Func<string, string, string> label)
    {
        var result = new Dictionary<string, IReadOnlyList<PostingFacetValue>>(StringComparer.Ordinal);
        foreach (var facet in facets)
        {
            var selected = search.Values(facet);
            var counts = matching.Where(item => Passes(search, f => valuesOf(item, f), facet))
                .SelectMany(item => valuesOf(item, facet).Distinct())
                .GroupBy(v => v, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var value in selected.Where(v => !counts.ContainsKey(v)))
            {
                counts[value] = 0;
            }
            result[facet] = [.. counts
                .Select(c => new PostingFacetValue(c.Key, label(facet, c.Key), c.Value, selected.Contains(c.Key)))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.CurrentCulture)];
        }
        return result;
    }
}
