namespace ClusterAtlas.Moderation;

/// <summary>Links to the other pages of a paged list: <paramref name="Path"/> with ?page=, after the list's own <paramref name="Query"/> (its filters), if any.</summary>
public sealed record PagerView(string Path, int Page, int PageCount, string? Query = null)
{
    public string Link(int page) => string.IsNullOrEmpty(Query) ? $"{Path}?page={page}" : $"{Path}?{Query}&page={page}";
}
