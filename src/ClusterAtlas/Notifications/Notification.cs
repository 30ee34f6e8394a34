using ClusterAtlas.Mail;

namespace ClusterAtlas.Notifications;

/// <summary>
/// Something a person is told, on /account/notifications and by e-mail as they chose. It keeps the parts of its text
/// (who, about what, an excerpt), not the sentence, so that the page and the mail say it in the reader's language.
/// </summary>
public class Notification : IBecomesMail
{
    public const int MaxActorLength = 300;
    public const int MaxSubjectLength = 300;
    public const int MaxExcerptLength = 2000;
    public const int MaxLinkLength = 500;

    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>Who did it: a member's or a profile's name, or the name of the saved search that matched.</summary>
    public string? Actor { get; set; }

    /// <summary>A path on this site about the actor (the interested member's profile), when there is one.</summary>
    public string? ActorLink { get; set; }

    /// <summary>What it is about: a posting's title, a contact request's subject.</summary>
    public required string Subject { get; set; }

    /// <summary>A message, a comment's text, or (for a deadline) the date as yyyy-MM-dd.</summary>
    public string? Excerpt { get; set; }

    /// <summary>The path on this site where it happened.</summary>
    public required string Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public NotificationMailState MailState { get; set; }

    /// <summary>When it was queued as mail (alone or in a digest).</summary>
    public DateTimeOffset? MailedAt { get; set; }
}
