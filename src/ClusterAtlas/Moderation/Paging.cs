namespace ClusterAtlas.Moderation;

public static class Paging
{
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The page asked for, or the nearest that exists.</summary>
    public static int InRange(int page, int pageCount) => Math.Clamp(page, 1, pageCount);
}
