using ClusterAtlas.Data;

namespace ClusterAtlas.Notifications;

/// <summary>
/// Adds notifications to the caller's DbContext, so that they are saved by the same SaveChanges as the event (an
/// interest, a comment, a contact request) and never exist without it, nor it without them. Mail follows from the
/// stored rows (see <see cref="NotificationMailer"/>), after the commit.
/// </summary>
public static class Notifier
{
    /// <summary>
    /// Tells <paramref name="userId"/> about something at <paramref name="link"/> (a path on this site, such as
    /// "/partner-search/12"). For example, a contact request:
    /// <c>Notifier.Add(db, administratorId, NotificationKind.ContactRequest, new(subject, Actor: senderName, Excerpt: message), "/account/...", now)</c>.
    /// </summary>
    public static Notification Add(ClusterAtlasDbContext db, string userId, NotificationKind kind, NotificationText text, string link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(text);
        if (!IsLocalPath(link) || (text.ActorLink is { } actorLink && !IsLocalPath(actorLink)))
        {
            throw new ArgumentException($"A notification links to a path on this site (\"/...\"), not \"{link}\".", nameof(link));
        }
        var notification = new Notification
        {
            UserId = userId,
            Kind = kind,
            Subject = Cut(text.Subject, Notification.MaxSubjectLength) ?? "",
            Actor = Cut(text.Actor, Notification.MaxActorLength),
            ActorLink = text.ActorLink,
            Excerpt = Cut(text.Excerpt, Notification.MaxExcerptLength),
            Link = link,
            CreatedAt = now,
            MailState = NotificationMailState.Pending,
        };
        db.Add(notification);
        return notification;
    }

    /// <summary>The same notification to several people, each once (the one who caused it left out by the caller).</summary>
    public static void AddForEach(ClusterAtlasDbContext db, IEnumerable<string> userIds, NotificationKind kind, NotificationText text, string link, DateTimeOffset now)
    {
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            Add(db, userId, kind, text, link, now);
        }
    }

    private static bool IsLocalPath(string link) =>
        link.Length <= Notification.MaxLinkLength && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal);

    private static string? Cut(string? text, int length) =>
        text is null ? null : text.Length <= length ? text : text[..(length - 1)] + "…";
}
