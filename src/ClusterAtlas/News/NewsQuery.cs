namespace ClusterAtlas.News;

/// <summary>The news list's state, all in the query string: words, a tag, a profile and the page.</summary>
public sealed record NewsQuery(string? Q, string? Tag, string? Profile, int Page)
{
    public const int PageSize = 12;

    /// <summary>The filters as a query string (without the page), for the pager's links.</summary>
    public string Filters() => string.Join("&", new[] { ("q", Q), ("tag", Tag), ("profile", Profile) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
        .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));
}
