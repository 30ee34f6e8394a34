namespace ClusterAtlas.News;

/// <summary>A news item as lists show it.</summary>
public sealed record NewsSummary(string Slug, string Title, string Summary, DateTimeOffset Date, NewsStatus Status,
    string? ProfileName, string? ProfileSlug, IReadOnlyList<string> Tags, string? ImageSha256, string? ImageAlt)
{
    public string Path => $"/news/{Slug}";

    public string? ImagePath => ImageSha256 is null ? null : $"/news/{Slug}/image/{ImageSha256}";
}
