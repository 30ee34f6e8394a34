using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>The links of an interest mail, made (from the trusted address) before the interest is stored.</summary>
public sealed record InterestLetter(string PostingUrl, string ProfileUrl, string ProfileName, string MemberName, string? Message);

/// <summary>
/// Mail about postings, each in its recipient's language, with links from the platform's configured address
/// (<see cref="AccountLinks"/>), never from a request's Host header.
/// </summary>
public sealed class PartnerSearchMail(OutgoingMail mail, AccountLinks links, ClusterAtlasDbContext db, IStringLocalizer<SharedResource> T)
{
    public string PostingUrl(int postingId) => $"{links.BaseUrl}/partner-search/{postingId}";

    public InterestLetter InterestLetter(PartnerSearchPosting posting, MemberProfile profile, string memberName, string? message) =>
        new(PostingUrl(posting.Id), $"{links.BaseUrl}/cluster-organisations/{Uri.EscapeDataString(profile.Slug)}", profile.Name, memberName, message);

    public async Task SendToAuthorAsync(PartnerSearchPosting posting, InterestLetter letter, CancellationToken cancellationToken)
    {
        foreach (var recipient in await AuthorOrAdministratorsAsync(posting, cancellationToken))
        {
            await mail.SendAsync(recipient.Email!, recipient.DisplayName, recipient.PreferredLanguage, () =>
            {
                var paragraphs = new List<string>
                {
                    T["Hello {0},", recipient.DisplayName],
                    T["{0} of {1} is interested in your partner search “{2}”.", letter.MemberName, letter.ProfileName, posting.Title],
                };
                if (letter.Message is not null)
                {
                    paragraphs.Add(T["Their message:"]);
                    paragraphs.Add(letter.Message);
                }
                return new MailContent(
                    T["{0} is interested in your partner search", letter.ProfileName],
                    paragraphs,
                    new MailLink(T["See the profile of {0}", letter.ProfileName], letter.ProfileUrl),
                    [T["Your partner search, with everyone interested in it: {0}", letter.PostingUrl]]);
            }, cancellationToken);
        }
    }

    /// <summary>A week before the deadline: renew (a new deadline) or close.</summary>
    public async Task SendReminderAsync(PartnerSearchPosting posting, CancellationToken cancellationToken)
    {
        var editUrl = $"{PostingUrl(posting.Id)}/edit";
        var closeUrl = $"{PostingUrl(posting.Id)}/close";
        foreach (var recipient in await AuthorOrAdministratorsAsync(posting, cancellationToken))
        {
            await mail.SendAsync(recipient.Email!, recipient.DisplayName, recipient.PreferredLanguage, () => new MailContent(
                T["Your partner search “{0}” closes soon", posting.Title],
                [
                    T["Hello {0},", recipient.DisplayName],
                    T["Your partner search “{0}” closes itself after {1}. If you still look for partners, give it a later deadline; if you found them, close it.",
                        posting.Title, posting.Deadline.ToString("D", System.Globalization.CultureInfo.CurrentCulture)],
                ],
                new MailLink(T["Renew it with a later deadline"], editUrl),
                [T["Close it: {0}", closeUrl]]), cancellationToken);
        }
    }

    public async Task SendCommentRemovedAsync(PartnerSearchPosting posting, PostingComment comment, string postingUrl, CancellationToken cancellationToken)
    {
        if (comment.AuthorUserId is null || await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == comment.AuthorUserId, cancellationToken) is not { Email: not null } author)
        {
            return;
        }
        await mail.SendAsync(author.Email, author.DisplayName, author.PreferredLanguage, () => new MailContent(
            T["Your comment on “{0}” was removed", posting.Title],
            [
                T["Hello {0},", author.DisplayName],
                T["A moderator removed your comment on the partner search “{0}”. The reason:", posting.Title],
                comment.RemovalReason ?? "",
            ],
            new MailLink(T["See the partner search"], postingUrl)), cancellationToken);
    }

    /// <summary>The posting's author; once their account is gone, the administrators of its profile.</summary>
    private async Task<IReadOnlyList<ApplicationUser>> AuthorOrAdministratorsAsync(PartnerSearchPosting posting, CancellationToken cancellationToken)
    {
        if (posting.AuthorUserId is not null
            && await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == posting.AuthorUserId, cancellationToken) is { Email: not null } author)
        {
            return [author];
        }
        return await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.ClusterOrganisationId == posting.ProfileId && a.User.Email != null)
            .Select(a => a.User).ToListAsync(cancellationToken);
    }
}
