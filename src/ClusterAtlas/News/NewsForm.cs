namespace ClusterAtlas.News;

/// <summary>What the news form posts (the image comes as a file beside it).</summary>
public sealed class NewsForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    /// <summary>Tags separated by commas, as typed.</summary>
    public string? Tags { get; set; }
    /// <summary>Cluster organisations the item is about: their names or addresses (slugs), one per line or separated by semicolons.</summary>
    public string? RelatedProfiles { get; set; }
    public string? ImageAlt { get; set; }
    public bool RemoveImage { get; set; }

    public static NewsForm Of(NewsItem item, IEnumerable<string> relatedNames) => new()
    {
        Title = item.Title,
        Summary = item.Summary,
        Body = item.Body,
        Tags = string.Join(", ", item.Tags.Select(WhatsNew.Tags.Display)),
        RelatedProfiles = string.Join("\n", relatedNames),
        ImageAlt = item.ImageAlt,
    };
}
