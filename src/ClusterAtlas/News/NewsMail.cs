using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.News;

/// <summary>
/// The messages of the news review, each in its recipient's language, added to the outbox of the shared context
/// without saving (decision 0015): the caller's save of the decision writes them in the same transaction.
/// </summary>
public sealed class NewsMail(OutgoingMail mail, UserManager<ApplicationUser> users, ClusterAtlasDbContext db, AccountLinks links,
    IStringLocalizer<SharedResource> T)
{
    /// <summary>Tells every moderator and administrator that a news item waits for review.</summary>
    public async Task SubmittedAsync(NewsItem item, string profileName)
    {
        foreach (var member in await users.ReviewersWithMailAsync())
        {
            mail.Enqueue(db, member.Email!, member.DisplayName, member.PreferredLanguage, () => new MailContent(
                T["News waits for review: {0}", item.Title],
                [T["Hello {0},", member.DisplayName], T["{0} submitted news for publication: “{1}”.", profileName, item.Title]],
                new MailLink(T["Review the news"], $"{links.BaseUrl}/moderation/news/{item.Slug}")));
        }
    }

    /// <summary>Tells the author that their news is published.</summary>
    public async Task PublishedAsync(NewsItem item, CancellationToken cancellationToken)
    {
        foreach (var person in await RecipientsAsync(item, cancellationToken))
        {
            mail.Enqueue(db, person.Email!, person.DisplayName, person.PreferredLanguage, () => new MailContent(
                T["Your news is published"],
                [T["Hello {0},", person.DisplayName], T["The moderators published “{0}”: it is in the ClusterAtlas news now.", item.Title]],
                new MailLink(T["Read the news"], $"{links.BaseUrl}/news/{item.Slug}")));
        }
    }

    /// <summary>Tells the author why the news was sent back, and where to change it.</summary>
    public async Task SentBackAsync(NewsItem item, string reason, CancellationToken cancellationToken)
    {
        foreach (var person in await RecipientsAsync(item, cancellationToken))
        {
            mail.Enqueue(db, person.Email!, person.DisplayName, person.PreferredLanguage, () => new MailContent(
                T["Your news was sent back"],
                [T["Hello {0},", person.DisplayName], T["The moderators did not publish “{0}”, for this reason:", item.Title], reason],
                new MailLink(T["Change the news"], $"{links.BaseUrl}/news/{item.Slug}/edit"),
                [T["When you have changed it, submit it again."]]));
        }
    }

    /// <summary>The author; once their account is gone, the submitting profile's administrators.</summary>
    private async Task<List<ApplicationUser>> RecipientsAsync(NewsItem item, CancellationToken cancellationToken)
    {
        if (item.AuthorUserId is { } authorId && await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == authorId && u.Email != null, cancellationToken) is { } author)
        {
            return [author];
        }
        return item.ProfileId is { } profileId
            ? await db.ProfileAdministrators.AsNoTracking().Where(a => a.ClusterOrganisationId == profileId && a.User.Email != null)
                .OrderBy(a => a.AddedAt).Select(a => a.User).ToListAsync(cancellationToken)
            : [];
    }
}
