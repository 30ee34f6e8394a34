using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using ClusterAtlas.WhatsNew;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The weekly digest. Run by the outbox worker before each round (an <see cref="IOutboxFeeder"/>): once the configured
/// day and hour of a week has come, it sends that week's digest to every confirmed subscriber whose filtered digest is
/// not empty. The week's issue row (unique key) is written in the transaction that queues the messages, so the week is
/// sent once whatever restarts or instances run it; a second try finds the row, or fails on its key and rolls back.
/// It also deletes subscriptions whose confirmation did not come in time.
/// </summary>
public sealed class WeeklyDigest(
    ClusterAtlasDbContext db, IServiceProvider services, Subscriptions subscriptions, IssueMessages queue, NewsletterMail content,
    TimeProvider clock, IOptions<NewsletterOptions> options, ILogger<WeeklyDigest> logger) : IOutboxFeeder
{
    public async Task FeedAsync(CancellationToken cancellationToken)
    {
        await subscriptions.DeleteExpiredAsync(cancellationToken);
        if (options.Value.SendDigestAutomatically)
        {
            await SendDueAsync(clock.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Sends the latest week whose time has come, unless it was sent or it is too late for it; the week it sent, if any.</summary>
    public async Task<DigestWeek?> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var week = DigestWeek.LatestDue(now, options.Value);
        var sendTime = week.SendTime(options.Value);
        if (now - sendTime > options.Value.LatestDigestDelay)
        {
            return null; // the platform was down past the week's time: next week's digest, not a stale one
        }
        return await SendAsync(week, sendTime, cancellationToken) is null ? null : week;
    }

    /// <summary>The platform team's "send this week's digest now": the coming week's issue, with what was published until now.</summary>
    public Task<int?> SendCurrentWeekNowAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return SendAsync(DigestWeek.Current(now, options.Value), now, cancellationToken);
    }

    /// <summary>
    /// The weeks the web archive has: from the week of the earliest item any section still shows (or the latest sent
    /// week, if that is earlier: nothing published yet) to the week of today (sent already, or the one under way until
    /// its day and hour come). A later week exists only when the platform team sent it early ("send now"), as its mail links it.
    /// </summary>
    public async Task<(DigestWeek First, DigestWeek Last)> ArchiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latestDue = DigestWeek.LatestDue(now, options.Value);
        DateTimeOffset? earliest = null;
        foreach (var section in services.Sections())
        {
            if (await section.FirstPublishedAsync(cancellationToken) is { } first && (earliest is null || first < earliest))
            {
                earliest = first;
            }
        }
        var firstWeek = earliest is { } moment ? DigestWeek.Current(moment, options.Value) : latestDue;
        return (firstWeek < latestDue ? firstWeek : latestDue, DigestWeek.Of(now));
    }

    /// <summary>Whether the week is in the archive (see <see cref="ArchiveAsync"/>).</summary>
    public async Task<bool> ExistsAsync(DigestWeek week, (DigestWeek First, DigestWeek Last) archive, CancellationToken cancellationToken) =>
        week >= archive.First && (week <= archive.Last || await db.Set<NewsletterIssue>().AnyAsync(i => i.Key == week.IssueKey, cancellationToken));

    /// <summary>The week's digest, unfiltered, until <paramref name="until"/> at the latest (its web view).</summary>
    public Task<DigestIssue> GatherAsync(DigestWeek week, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var end = week.SendTime(options.Value);
        return DigestIssue.GatherAsync(services, week, week.PeriodStart(options.Value), end < until ? end : until, cancellationToken);
    }

    /// <summary>Sends the week's digest with what was published before <paramref name="until"/>; the number of messages, or null when the week was sent already.</summary>
    public async Task<int?> SendAsync(DigestWeek week, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (await db.Set<NewsletterIssue>().AnyAsync(i => i.Key == week.IssueKey, cancellationToken))
        {
            return null;
        }
        var digest = await GatherAsync(week, until, cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issue = new NewsletterIssue { Key = week.IssueKey, Kind = NewsletterIssueKind.Digest, Subject = week.ToString(), CreatedAt = now, UpdatedAt = now, SentAt = now };
        db.Add(issue);
        var recipients = await db.Set<NewsletterSubscription>().AsNoTracking()
            .Where(s => s.Status == SubscriptionStatus.Confirmed).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var count = queue.Add(issue, recipients
            .Select(s => (Subscription: s, Sections: digest.For(s)))
            .Where(r => r.Sections.Count > 0)
            .Select(r => (r.Subscription, (Func<Mail.MailContent>)(() => content.Digest(digest, r.Subscription, r.Sections)))));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await SentElsewhereAsync(week))
            {
                return null; // another instance sent this week in the meantime; its key refused ours and nothing of ours is kept
            }
            throw;
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Queued the digest of {Week} for {Count} subscribers", week, count);
        return count;
    }

    private async Task<bool> SentElsewhereAsync(DigestWeek week)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>().Set<NewsletterIssue>().AnyAsync(i => i.Key == week.IssueKey);
    }
}
