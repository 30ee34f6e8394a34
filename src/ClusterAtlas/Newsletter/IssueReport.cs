using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Newsletter;

/// <summary>An issue on the platform team's page: its messages by delivery state (the state of each outbox message).</summary>
public sealed record IssueReport(int Id, NewsletterIssueKind Kind, string Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Queued, int Sent, int Failed, int Bounced)
{
    public static async Task<IReadOnlyList<IssueReport>> LatestAsync(ClusterAtlasDbContext db, int count, CancellationToken cancellationToken)
    {
        var issues = await db.Set<NewsletterIssue>().AsNoTracking()
            .OrderByDescending(i => i.Id).Take(count)
            .Select(i => new { i.Id, i.Kind, i.Subject, i.CreatedAt, i.SentAt })
            .ToListAsync(cancellationToken);
        var ids = issues.Select(i => i.Id).ToList();
        var states = await db.Set<NewsletterDelivery>().AsNoTracking()
            .Where(d => ids.Contains(d.IssueId))
            .GroupBy(d => d.IssueId)
            .Select(g => new
            {
                IssueId = g.Key,
                Sent = g.Count(d => d.OutboxMessage.SentAt != null),
                Bounced = g.Count(d => d.OutboxMessage.BouncedAt != null),
                Failed = g.Count(d => d.OutboxMessage.GaveUpAt != null && d.OutboxMessage.BouncedAt == null),
                Queued = g.Count(d => d.OutboxMessage.SentAt == null && d.OutboxMessage.GaveUpAt == null),
            })
            .ToDictionaryAsync(s => s.IssueId, cancellationToken);
        return [.. issues.Select(i => states.TryGetValue(i.Id, out var s)
            ? new IssueReport(i.Id, i.Kind, i.Subject, i.CreatedAt, i.SentAt, s.Queued, s.Sent, s.Failed, s.Bounced)
            : new IssueReport(i.Id, i.Kind, i.Subject, i.CreatedAt, i.SentAt, 0, 0, 0, 0))];
    }
}
