namespace ClusterAtlas.Notifications;

/// <summary>
/// The parts of a notification's text: what it is about (a title, a subject), who did it, an excerpt, and a path on
/// this site about the actor. The page and the mail put them into a sentence in the reader's language.
/// </summary>
public sealed record NotificationText(string Subject, string? Actor = null, string? Excerpt = null, string? ActorLink = null);
