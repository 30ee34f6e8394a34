using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Notifications;

/// <summary>
/// The daily digest: from the digest hour (UTC) on, each person with notifications waiting for it gets one message
/// listing those stored before that hour. A person who already got the day's digest waits for the next day; the
/// notifications are claimed by a conditional UPDATE in the transaction that queues the message, so several instances
/// send it once.
/// </summary>
public sealed class NotificationDigest(ClusterAtlasDbContext db, OutgoingMail mail, NotificationMail content, TimeProvider clock, IOptions<NotificationOptions> options) : IOutboxFeeder
{
    /// <summary>The latest digest time that has come: today's digest hour, or yesterday's before it.</summary>
    public DateTimeOffset LatestDigestTime(DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(options.Value.DigestHourUtc);
        return today <= now ? today : today.AddDays(-1);
    }

    public async Task FeedAsync(CancellationToken cancellationToken)
    {
        var digestTime = LatestDigestTime(clock.GetUtcNow());
        var userIds = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.MailState == NotificationMailState.InDigest && n.CreatedAt < digestTime)
            .Select(n => n.UserId).Distinct().OrderBy(userId => userId).Take(100)
            .ToListAsync(cancellationToken);
        foreach (var userId in userIds)
        {
            await SendAsync(userId, digestTime, cancellationToken);
        }
    }

    private async Task SendAsync(string userId, DateTimeOffset digestTime, CancellationToken cancellationToken)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.UserId == userId && n.MailState == NotificationMailState.Digested && n.MailedAt >= digestTime, cancellationToken))
        {
            return; // the day's digest went out already: what came late waits for tomorrow's
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var waiting = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId && n.MailState == NotificationMailState.InDigest && n.CreatedAt < digestTime)
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);
        var ids = waiting.Select(n => n.Id).ToList();
        var claimed = await db.Set<Notification>()
            .Where(n => ids.Contains(n.Id) && n.MailState == NotificationMailState.InDigest)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailState, NotificationMailState.Digested).SetProperty(n => n.MailedAt, now), cancellationToken);
        if (waiting.Count == 0 || claimed != waiting.Count)
        {
            return; // another instance is sending this digest: the transaction is rolled back
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage }).SingleOrDefaultAsync(cancellationToken);
        if (person is not null)
        {
            var unsubscribe = content.UnsubscribeUrl(person.Id, null);
            mail.Enqueue(db, person.Email!, person.DisplayName, person.PreferredLanguage, () => content.Digest(waiting, person.DisplayName, unsubscribe));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
