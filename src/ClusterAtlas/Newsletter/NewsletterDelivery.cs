using ClusterAtlas.Mail;

namespace ClusterAtlas.Newsletter;

/// <summary>One issue's message to one subscriber: its state (queued, sent, failed, bounced) is the outbox message's.</summary>
public class NewsletterDelivery
{
    public long Id { get; set; }

    public int IssueId { get; set; }

    /// <summary>Null once the subscription is gone (the count of the issue stays).</summary>
    public int? SubscriptionId { get; set; }

    public long OutboxMessageId { get; set; }

    public OutboxMessage OutboxMessage { get; set; } = null!;
}
