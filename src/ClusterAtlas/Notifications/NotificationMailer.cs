using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Notifications;

/// <summary>
/// Turns newly stored notifications into mail as each person chose for its kind: a message now, a place in the daily
/// digest, or none. Each notification is claimed by a conditional UPDATE in the transaction that queues its message,
/// so that with several instances it is mailed once, and a crash between the two leaves neither done.
/// </summary>
public sealed class NotificationMailer(ClusterAtlasDbContext db, OutgoingMail mail, NotificationMail content, TimeProvider clock) : IOutboxFeeder
{
    public async Task FeedAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.MailState == NotificationMailState.Pending)
            .OrderBy(n => n.Id).Take(200)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }
        var userIds = pending.Select(n => n.UserId).Distinct().ToList();
        var preferences = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => (p.UserId, p.Kind), p => p.Delivery, cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var notification in pending)
        {
            var person = people.GetValueOrDefault(notification.UserId);
            var delivery = preferences.GetValueOrDefault((notification.UserId, notification.Kind), NotificationDelivery.Immediately);
            var next = person is null ? NotificationMailState.NotMailed : delivery switch
            {
                NotificationDelivery.Immediately => NotificationMailState.Mailed,
                NotificationDelivery.DailyDigest => NotificationMailState.InDigest,
                _ => NotificationMailState.NotMailed,
            };
            var now = clock.GetUtcNow();
            DateTimeOffset? mailedAt = next == NotificationMailState.Mailed ? now : null;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Set<Notification>()
                .Where(n => n.Id == notification.Id && n.MailState == NotificationMailState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailState, next).SetProperty(n => n.MailedAt, mailedAt), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance has it; the transaction ends unused
            }
            if (next == NotificationMailState.Mailed && person is not null)
            {
                var unsubscribe = content.UnsubscribeUrl(person.Id, notification.Kind);
                mail.Enqueue(db, person.Email!, person.DisplayName, person.PreferredLanguage,
                    () => content.Message(notification, person.DisplayName, unsubscribe));
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
