namespace ClusterAtlas.Mail;

/// <summary>Settings under "ClusterAtlas:Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "ClusterAtlas:Outbox";

    /// <summary>Whether this instance delivers queued mail. Off, it only queues (another instance, or a later start, sends).</summary>
    public bool Deliver { get; set; } = true;

    /// <summary>How often the outbox is looked at besides the wake-up after a save that queued something.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a message is given up (logged as an error and kept in the table).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The pause after the first failure; it doubles after each further one (up to six hours).</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
