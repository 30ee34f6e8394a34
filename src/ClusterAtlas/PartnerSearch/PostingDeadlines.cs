using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// Closes postings past their deadline and asks authors, once, to renew or close a week before (a notification). Every step is a
/// conditional UPDATE, so several instances may run it at once: a posting expires once and a reminder is claimed by one.
/// </summary>
public sealed class PostingDeadlines(ClusterAtlasDbContext db, Caching.CacheEviction cache, PartnerSearchMail mail, TimeProvider clock, IOptions<PartnerSearchOptions> options, ILogger<PostingDeadlines> logger)
{
    public async Task<(int Expired, int Reminded)> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Open through its deadline day (UTC); from the next day it is expired.
        var expired = await db.Set<PartnerSearchPosting>()
            .Where(p => p.Status == PostingStatus.Open && p.Deadline < today)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostingStatus.Expired).SetProperty(p => p.ClosedAt, now).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        if (expired > 0)
        {
            cache.Evict(Caching.ContentTags.Postings); // a set-based write: the change tracker never saw it
            logger.LogInformation("{Count} partner search postings passed their deadline and closed", expired);
        }
        var remindFrom = today.AddDays(options.Value.ReminderDaysBefore);
        var due = await db.Set<PartnerSearchPosting>().AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && p.ReminderSentAt == null && p.Deadline <= remindFrom)
            .OrderBy(p => p.Id).Take(200)
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var posting in due)
        {
            // Claimed and notified in one transaction: whichever instance changes the row stores the one reminder, and a
            // failure leaves the posting unclaimed for a later check.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Set<PartnerSearchPosting>()
                .Where(p => p.Id == posting.Id && p.ReminderSentAt == null && p.Deadline == posting.Deadline)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReminderSentAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            await mail.NotifyDeadlineAsync(posting, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            reminded++;
        }
        return (expired, reminded);
    }
}
