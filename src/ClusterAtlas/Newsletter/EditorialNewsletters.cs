using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The platform team's editorial newsletter: a draft (subject and Markdown), a test to the writer's own address, then
/// the issue to every confirmed subscriber. Sending claims the draft with a conditional UPDATE in the transaction that
/// queues its messages, so a second click (or a second team member) sends nothing again.
/// </summary>
public sealed class EditorialNewsletters(ClusterAtlasDbContext db, OutgoingMail mail, IssueMessages queue, NewsletterMail content, TimeProvider clock)
{
    public Task<NewsletterIssue?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<NewsletterIssue>().SingleOrDefaultAsync(i => i.Id == id && i.Kind == NewsletterIssueKind.Editorial, cancellationToken);

    public async Task<NewsletterIssue> SaveAsync(NewsletterIssue? draft, string subject, string markdown, string authorUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (draft is null)
        {
            draft = new NewsletterIssue { Key = "editorial-" + Guid.NewGuid().ToString("N"), Kind = NewsletterIssueKind.Editorial, Subject = subject, CreatedAt = now };
            db.Add(draft);
        }
        if (draft.SentAt is not null)
        {
            throw new InvalidOperationException("A sent newsletter is not changed.");
        }
        draft.Subject = subject;
        draft.BodyMarkdown = markdown;
        draft.AuthorUserId = authorUserId;
        draft.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>The draft as subscribers will get it, to the writer alone (marked as a test, without subscription links).</summary>
    public async Task TestAsync(NewsletterIssue draft, string toAddress, string? language, CancellationToken cancellationToken) =>
        await mail.QueueAsync(toAddress, null, language, () => content.Editorial(draft.Subject, draft.BodyMarkdown ?? "", null), cancellationToken);

    public Task<int> ConfirmedSubscribersAsync(CancellationToken cancellationToken) =>
        db.Set<NewsletterSubscription>().CountAsync(s => s.Status == SubscriptionStatus.Confirmed, cancellationToken);

    /// <summary>Sends the draft to every confirmed subscriber; null when it was sent already (nothing is sent again).</summary>
    public async Task<int?> SendAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<NewsletterIssue>()
            .Where(i => i.Id == id && i.Kind == NewsletterIssueKind.Editorial && i.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.SentAt, now), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }
        var issue = await db.Set<NewsletterIssue>().SingleAsync(i => i.Id == id, cancellationToken);
        var subject = issue.Subject;
        var markdown = issue.BodyMarkdown ?? "";
        var recipients = await db.Set<NewsletterSubscription>().AsNoTracking()
            .Where(s => s.Status == SubscriptionStatus.Confirmed).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var count = queue.Add(issue, recipients.Select(s => (s, (Func<MailContent>)(() => content.Editorial(subject, markdown, s)))));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
