using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>
/// The messages of events' moderation, each in its recipient's language, added to the outbox of the shared context
/// without saving: the caller's save of the decision writes them in its transaction (decision 0015).
/// </summary>
public sealed class EventMail(OutgoingMail mail, UserManager<ApplicationUser> users, ClusterAtlasDbContext db, AccountLinks links,
    IStringLocalizer<SharedResource> T)
{
    /// <summary>Tells the platform team that an event waits in the queue.</summary>
    public async Task QueueSubmittedAsync(ClusterEvent e, string? organiserName, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        foreach (var member in await users.ReviewersWithMailAsync())
        {
            mail.Enqueue(db, member.Email!, member.DisplayName, member.PreferredLanguage, () => new MailContent(
                T["An event waits for moderation: {0}", e.Title],
                [T["Hello {0},", member.DisplayName], T["{0} submitted the event “{1}”.", organiserName ?? e.SubmittedByName, e.Title]],
                new MailLink(T["Open the moderation queue"], $"{links.BaseUrl}/moderation")));
        }
    }

    /// <summary>Tells the submitter that their event is published.</summary>
    public async Task QueuePublishedAsync(ClusterEvent e, CancellationToken cancellationToken)
    {
        if (await SubmitterAsync(e, cancellationToken) is not { } submitter)
        {
            return;
        }
        mail.Enqueue(db, submitter.Email!, submitter.DisplayName, submitter.PreferredLanguage, () => new MailContent(
            T["Your event is published"],
            [T["Hello {0},", submitter.DisplayName], T["The platform team published “{0}”: it is in the ClusterAtlas events now.", e.Title]],
            new MailLink(T["View the event"], $"{links.BaseUrl}/events/{e.Slug}")));
    }

    /// <summary>Tells the submitter why the platform team sent the event back, and where to change it.</summary>
    public async Task QueueSentBackAsync(ClusterEvent e, string reason, CancellationToken cancellationToken)
    {
        if (await SubmitterAsync(e, cancellationToken) is not { } submitter)
        {
            return;
        }
        mail.Enqueue(db, submitter.Email!, submitter.DisplayName, submitter.PreferredLanguage, () => new MailContent(
            T["Your event was not published"],
            [T["Hello {0},", submitter.DisplayName], T["The platform team did not publish “{0}”, for this reason:", e.Title], reason],
            new MailLink(T["Change the event"], $"{links.BaseUrl}/events/{e.Slug}/edit"),
            [T["When you save your changes, the event goes back to the platform team."]]));
    }

    private Task<ApplicationUser?> SubmitterAsync(ClusterEvent e, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == e.SubmittedByUserId && u.Email != null).FirstOrDefaultAsync(cancellationToken);
}
