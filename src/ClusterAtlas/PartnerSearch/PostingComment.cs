namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// A comment on a posting, or a reply to one (one level: a reply to a reply answers its top-level comment).
/// Its author may edit it for <see cref="EditWindow"/>; a moderator may remove it, with a reason shown in its place.
/// </summary>
public class PostingComment
{
    public const int MaxTextLength = 4000;
    public const int MaxReasonLength = 2000;
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    public int Id { get; set; }
    public int PostingId { get; set; }
    public int? ParentId { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedByName { get; set; }
    public string? RemovalReason { get; set; }

    public bool IsRemoved => RemovedAt is not null;

    public bool MayBeEditedBy(string? userId, DateTimeOffset now) =>
        userId is not null && AuthorUserId == userId && !IsRemoved && now - CreatedAt < EditWindow;
}
