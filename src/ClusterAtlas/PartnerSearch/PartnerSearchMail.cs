using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using ClusterAtlas.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// Who hears of what happens to a posting, and the one message that is not a notification (a moderator removed your
/// comment). Notifications and mail are added to the caller's DbContext, so that they are saved with the event and
/// delivered by the outbox after the commit; mail links come from the platform's configured address
/// (<see cref="AccountLinks"/>), never from a request's Host header.
/// </summary>
public sealed class PartnerSearchMail(OutgoingMail mail, AccountLinks links, ClusterAtlasDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    public string PostingUrl(int postingId) => $"{links.BaseUrl}{PostingPath(postingId)}";

    public static string PostingPath(int postingId) => $"/partner-search/{postingId}";

    /// <summary>The author is told (or, once their account is gone, the profile's administrators), with the interested member's profile linked.</summary>
    public async Task NotifyInterestAsync(PartnerSearchPosting posting, MemberProfile profile, string? message, CancellationToken cancellationToken) =>
        Notifier.AddForEach(db, await AuthorOrAdministratorIdsAsync(posting, cancellationToken), NotificationKind.InterestShown,
            new NotificationText(posting.Title, Actor: profile.Name, Excerpt: message, ActorLink: $"/cluster-organisations/{Uri.EscapeDataString(profile.Slug)}"),
            PostingPath(posting.Id), clock.GetUtcNow());

    /// <summary>The author (or the profile's administrators) and every follower are told, except the one who wrote it.</summary>
    public async Task NotifyCommentAsync(PartnerSearchPosting posting, PostingComment comment, CancellationToken cancellationToken)
    {
        var followers = await db.Set<PostingFollower>().AsNoTracking().Where(f => f.PostingId == posting.Id).Select(f => f.UserId).ToListAsync(cancellationToken);
        var recipients = (await AuthorOrAdministratorIdsAsync(posting, cancellationToken)).Concat(followers)
            .Where(id => id != comment.AuthorUserId);
        Notifier.AddForEach(db, recipients, NotificationKind.Comment, new NotificationText(posting.Title, Actor: comment.AuthorName, Excerpt: comment.Text),
            PostingPath(posting.Id), clock.GetUtcNow());
    }

    /// <summary>A week before the deadline: renew (a new deadline) or close.</summary>
    public async Task NotifyDeadlineAsync(PartnerSearchPosting posting, CancellationToken cancellationToken) =>
        Notifier.AddForEach(db, await AuthorOrAdministratorIdsAsync(posting, cancellationToken), NotificationKind.DeadlineReminder,
            new NotificationText(posting.Title, Excerpt: posting.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            PostingPath(posting.Id), clock.GetUtcNow());

    /// <summary>Queues, in the caller's context, the message telling a comment's author that a moderator removed it and why.</summary>
    public async Task QueueCommentRemovedAsync(PartnerSearchPosting posting, PostingComment comment, string postingUrl, CancellationToken cancellationToken)
    {
        if (comment.AuthorUserId is null || await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == comment.AuthorUserId, cancellationToken) is not { Email: not null } author)
        {
            return;
        }
        mail.Enqueue(db, author.Email, author.DisplayName, author.PreferredLanguage, () => new MailContent(
            T["Your comment on “{0}” was removed", posting.Title],
            [
                T["Hello {0},", author.DisplayName],
                T["A moderator removed your comment on the partner search “{0}”. The reason:", posting.Title],
                comment.RemovalReason ?? "",
            ],
            new MailLink(T["See the partner search"], postingUrl)));
    }

    /// <summary>The posting's author; once their account is gone, the administrators of its profile.</summary>
    private async Task<IReadOnlyList<string>> AuthorOrAdministratorIdsAsync(PartnerSearchPosting posting, CancellationToken cancellationToken)
    {
        if (posting.AuthorUserId is { } authorId && await db.Users.AnyAsync(u => u.Id == authorId, cancellationToken))
        {
            return [authorId];
        }
        return await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.ClusterOrganisationId == posting.ProfileId)
            .Select(a => a.UserId).ToListAsync(cancellationToken);
    }
}
