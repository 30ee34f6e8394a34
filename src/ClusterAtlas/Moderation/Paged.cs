namespace ClusterAtlas.Moderation;

/// <summary>One page of a longer list, with the page asked for brought into range.</summary>
public sealed record Paged<TItem>(IReadOnlyList<TItem> Items, int Page, int PageCount, int Total);
