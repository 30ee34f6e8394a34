namespace ClusterAtlas.Newsletter;

/// <summary>
/// One issue: a week's digest (written in the transaction that queues its messages, under the week's unique key, so a
/// week is sent once however often and wherever the job runs) or an editorial newsletter (a draft until it is sent).
/// </summary>
public class NewsletterIssue
{
    public const int MaxKeyLength = 60;
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 50_000;

    public int Id { get; set; }

    /// <summary>Unique: "digest-2026-W49" for a week's digest, "editorial-{guid}" for an editorial.</summary>
    public required string Key { get; set; }

    public NewsletterIssueKind Kind { get; set; }

    /// <summary>The editorial's subject; for a digest its week ("2026-W49").</summary>
    public required string Subject { get; set; }

    /// <summary>The editorial's Markdown (shown without raw HTML); null for a digest.</summary>
    public string? BodyMarkdown { get; set; }

    public string? AuthorUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When its messages were queued; null while an editorial is a draft.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public List<NewsletterDelivery> Deliveries { get; set; } = [];
}
