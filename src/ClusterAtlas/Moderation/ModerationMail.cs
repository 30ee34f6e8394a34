using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>
/// The messages of the validation workflow, each in its recipient's language. Each method adds its messages to the
/// outbox of the shared context without saving: the caller's save of the event they tell of writes them in its
/// transaction (decision 0015), so a decision is never mailed without being stored, nor stored without its mail.
/// </summary>
public sealed class ModerationMail(OutgoingMail mail, UserManager<ApplicationUser> users, ClusterAtlasDbContext db, AccountLinks links,
    IStringLocalizer<SharedResource> T)
{
    /// <summary>Tells every moderator and administrator that a profile waits in the queue.</summary>
    public async Task QueueSubmittedAsync(ClusterOrganisation profile, CancellationToken cancellationToken)
    {
        foreach (var member in await users.ReviewersWithMailAsync())
        {
            mail.Enqueue(db, member.Email!, member.DisplayName, member.PreferredLanguage, () => new MailContent(
                T["A cluster profile waits for validation: {0}", profile.Name],
                [T["Hello {0},", member.DisplayName], T["{0} was submitted for validation.", profile.Name]],
                new MailLink(T["Open the moderation queue"], $"{links.BaseUrl}/moderation")));
        }
    }

    /// <summary>Confirms to the profile's administrators that their profile reached the validation team.</summary>
    public async Task QueueReceivedAsync(ClusterOrganisation profile, CancellationToken cancellationToken)
    {
        foreach (var administrator in await AdministratorsAsync(profile, cancellationToken))
        {
            mail.Enqueue(db, administrator.Email!, administrator.DisplayName, administrator.PreferredLanguage, () => new MailContent(
                T["We received your cluster profile"],
                [T["Hello {0},", administrator.DisplayName],
                    T["{0} is submitted for validation. The validation team checks it against the published criteria and writes to you when it is published, or what to change if it is not.", profile.Name]],
                new MailLink(T["See the checklist"], $"{links.BaseUrl}/cluster-organisations/{profile.Slug}/submit"),
                [T["You can still edit the profile while it waits."]]));
        }
    }

    /// <summary>Tells the profile's administrators that the validation team published it.</summary>
    public async Task QueuePublishedAsync(ClusterOrganisation profile, CancellationToken cancellationToken)
    {
        foreach (var administrator in await AdministratorsAsync(profile, cancellationToken))
        {
            mail.Enqueue(db, administrator.Email!, administrator.DisplayName, administrator.PreferredLanguage, () => new MailContent(
                T["Your cluster profile is published"],
                [T["Hello {0},", administrator.DisplayName],
                    T["The validation team published {0}: it is in the ClusterAtlas directory now, where anyone can find it.", profile.Name]],
                new MailLink(T["View the profile"], $"{links.BaseUrl}/cluster-organisations/{profile.Slug}"),
                [T["Keep it up to date: your changes to a published profile appear at once."]]));
        }
    }

    /// <summary>Tells the profile's administrators why the validation team did not publish it, and where to change it.</summary>
    public async Task QueueRejectedAsync(ClusterOrganisation profile, string reason, CancellationToken cancellationToken)
    {
        foreach (var administrator in await AdministratorsAsync(profile, cancellationToken))
        {
            mail.Enqueue(db, administrator.Email!, administrator.DisplayName, administrator.PreferredLanguage, () => new MailContent(
                T["Your cluster profile was not published"],
                [T["Hello {0},", administrator.DisplayName], T["The validation team did not publish {0}, for this reason:", profile.Name], reason],
                new MailLink(T["Change the profile"], $"{links.BaseUrl}/cluster-organisations/{profile.Slug}/edit"),
                [T["When you have changed it, submit it again for validation."]]));
        }
    }

    /// <summary>Tells the profile's administrators which fields the validation team set back to their earlier values, and why.</summary>
    public async Task QueueRevertedAsync(ClusterOrganisation profile, IReadOnlyList<string> fieldLabels, string reason, CancellationToken cancellationToken)
    {
        foreach (var administrator in await AdministratorsAsync(profile, cancellationToken))
        {
            mail.Enqueue(db, administrator.Email!, administrator.DisplayName, administrator.PreferredLanguage, () => new MailContent(
                T["A change to your cluster profile was reverted"],
                [T["Hello {0},", administrator.DisplayName],
                    T["The validation team gave these fields of {0} their earlier values back: {1}.", profile.Name, string.Join(", ", fieldLabels.Select(label => T[label].Value))],
                    T["The reason they gave:"], reason],
                new MailLink(T["See the profile's changes"], $"{links.BaseUrl}/cluster-organisations/{profile.Slug}/revisions"),
                [T["The rest of the profile is as you left it. You can change these fields again; the validation team sees every change to a published profile."]]));
        }
    }

    private async Task<List<ApplicationUser>> AdministratorsAsync(ClusterOrganisation profile, CancellationToken cancellationToken) =>
        await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.ClusterOrganisationId == profile.Id && a.User.Email != null)
            .OrderBy(a => a.AddedAt)
            .Select(a => a.User)
            .ToListAsync(cancellationToken);
}
