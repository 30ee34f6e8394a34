namespace ClusterAtlas.ClusterDirectory;

/// <param name="MatchesSomeWords">No profile matched all of the words, so the results are those matching some of them.</param>
public sealed record DirectorySearchResult(
    SearchQuery Query, SearchResult Result, IReadOnlyDictionary<int, string> Snippets, IReadOnlyDictionary<int, string> Descriptions,
    string? SuggestedQuery, IReadOnlyDictionary<string, Pages.ParameterError[]> Errors, bool MatchesSomeWords = false)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The directory the search read: another page of it reads the same (<see cref="DirectorySearch.AnotherPageAsync"/>).</summary>
    internal DirectorySnapshot? Snapshot { get; init; }
}
