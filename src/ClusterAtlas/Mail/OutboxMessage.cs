namespace ClusterAtlas.Mail;

/// <summary>
/// A finished message waiting in the database until the outbox worker delivers it. Written by the same SaveChanges as
/// the event that causes it, so that an event is never stored without its mail, nor mail sent for an event rolled back.
/// </summary>
public class OutboxMessage : IBecomesMail
{
    public const int MaxAddressLength = 320;
    public const int MaxSubjectLength = 500;
    public const int MaxErrorLength = 1000;

    public long Id { get; set; }

    /// <summary>For the log and the operator: the recipient and subject are in <see cref="Content"/> too.</summary>
    public required string ToAddress { get; set; }

    public required string Subject { get; set; }

    /// <summary>The whole message as MIME bytes, composed in the recipient's language when the event happened.</summary>
    public required byte[] Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not tried before this time: now when queued, later after a failure (the back-off).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set by the instance that claimed the message; another instance takes it only after the lease ran out.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the last attempt failed: the message stays for the operator to see, and is not tried again.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    /// <summary>Set with <see cref="GaveUpAt"/> when the server refused the recipient permanently (5xx): not tried again.</summary>
    public DateTimeOffset? BouncedAt { get; set; }

    public string? LastError { get; set; }
}
