using ClusterAtlas.Profiles;

namespace ClusterAtlas.News;

/// <summary>
/// A news item: editorial (written by the platform team, no submitting profile) or community news submitted by a
/// cluster organisation's administrators on its behalf and published by a moderator (decision 0022).
/// </summary>
public class NewsItem : Data.INotContent
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;
    public const int MaxBodyLength = 20_000;
    public const int MaxSlugLength = 120;
    public const int MaxAltLength = 300;
    public const int MaxReasonLength = 2000;

    public int Id { get; set; }

    /// <summary>The address (/news/{slug}), made from the first title and never changed, so links stay valid.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }
    public required string Summary { get; set; }
    /// <summary>Markdown, shown without raw HTML and with links under the link policy.</summary>
    public required string Body { get; set; }

    /// <summary>The tag slugs (<see cref="WhatsNew.Tags"/>), in the order typed.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Title, summary, body and tags folded for the full-text filter (diacritics and case removed).</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The cluster organisation that submitted it; null for editorial news.</summary>
    public int? ProfileId { get; set; }
    public ClusterOrganisation? Profile { get; set; }

    /// <summary>Cluster organisations the item is about, linked from its page.</summary>
    public List<ClusterOrganisation> RelatedProfiles { get; set; } = [];

    /// <summary>The current image's content hash (its address), or null when it has none.</summary>
    public string? ImageSha256 { get; set; }
    public string? ImageAlt { get; set; }

    public NewsStatus Status { get; set; } = NewsStatus.Draft;
    /// <summary>Why a moderator sent it back (kept until it is published).</summary>
    public string? SentBackReason { get; set; }

    /// <summary>The member who wrote it; null once their account is deleted (the name stays).</summary>
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
