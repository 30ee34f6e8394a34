namespace ClusterAtlas.ClusterDirectory;

public sealed record SearchQueryParseResult(SearchQuery Query, IReadOnlyDictionary<string, Pages.ParameterError[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
