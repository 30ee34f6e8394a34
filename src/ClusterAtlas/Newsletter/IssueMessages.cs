using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// Queues an issue's messages in the outbox, in the caller's transaction, with a delivery row each (whose state is
/// its outbox message's). Throttled: the messages are due one after the other at the configured rate, so the outbox
/// (which retries) sends them spread out rather than all in one round.
/// </summary>
public sealed class IssueMessages(ClusterAtlasDbContext db, OutgoingMail mail, TimeProvider clock, IOptions<NewsletterOptions> options)
{
    public int Add(NewsletterIssue issue, IEnumerable<(NewsletterSubscription Subscription, Func<MailContent> Compose)> messages)
    {
        var now = clock.GetUtcNow();
        var gap = TimeSpan.FromMinutes(1) / Math.Max(1, options.Value.MessagesPerMinute);
        var count = 0;
        foreach (var (subscription, compose) in messages)
        {
            var message = mail.Compose(subscription.Email, null, subscription.Language, compose);
            var row = mail.Enqueue(db, message);
            row.NextAttemptAt = now + gap * count;
            issue.Deliveries.Add(new NewsletterDelivery { SubscriptionId = subscription.Id, OutboxMessage = row });
            count++;
        }
        return count;
    }
}
