using ClusterAtlas.ClusterDirectory;
using Microsoft.AspNetCore.Http;

namespace ClusterAtlas.Map;

/// <summary>
/// The directory's search as the map and the statistics pages read it: the same query string, parsed by the
/// directory (unknown parameters ignored, as on its page), and every match from its snapshot.
/// </summary>
public sealed record ResultsView(SearchQuery Query, IReadOnlyList<DirectoryEntry> Entries, DirectorySnapshot? Snapshot, IReadOnlyDictionary<string, string[]> Errors)
{
    public static async Task<ResultsView> ReadAsync(HttpRequest request, DirectorySearch search, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(request.Query, Facet.All, ignoreUnknown: true);
        if (!parsed.IsValid)
        {
            return new ResultsView(parsed.Query, [], null, parsed.Errors);
        }
        var (entries, snapshot, errors) = await search.MatchingAsync(parsed.Query, cancellationToken);
        return new ResultsView(parsed.Query, entries, snapshot, errors);
    }

    /// <summary>The query string that carries the words and filters to another view (no sort or page: they are the list's).</summary>
    public string QueryString => (Query with { Sort = null, Page = 1, PageSize = SearchQuery.DefaultPageSize }).ToQueryString();
}
