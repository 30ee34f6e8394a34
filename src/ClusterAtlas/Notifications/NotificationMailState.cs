namespace ClusterAtlas.Notifications;

/// <summary>Where a notification is on its way to the person's mailbox.</summary>
public enum NotificationMailState
{
    /// <summary>Stored with its event; the mailer has not yet looked at the person's preference.</summary>
    Pending,
    /// <summary>Queued in the outbox as a message of its own.</summary>
    Mailed,
    /// <summary>Waits for the person's next daily digest.</summary>
    InDigest,
    /// <summary>Queued in the outbox as part of a digest.</summary>
    Digested,
    /// <summary>Not e-mailed: the person chose no e-mail for its kind, or has no address.</summary>
    NotMailed,
}
