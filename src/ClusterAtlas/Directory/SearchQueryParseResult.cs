namespace ClusterAtlas.ClusterDirectory;

public sealed record SearchQueryParseResult(SearchQuery Query, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
