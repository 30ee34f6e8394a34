using ClusterAtlas.Accounts;
using ClusterAtlas.Mail;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>The messages of the validation workflow, each in its recipient's language.</summary>
public sealed class ModerationMail(OutgoingMail mail, UserManager<ApplicationUser> users, AccountLinks links, IStringLocalizer<SharedResource> T)
{
    /// <summary>Tells every moderator and administrator that a profile waits in the queue.</summary>
    public async Task SendSubmittedAsync(ClusterOrganisation profile, CancellationToken cancellationToken)
    {
        var staff = (await users.GetUsersInRoleAsync(AccountRoles.Moderator))
            .Concat(await users.GetUsersInRoleAsync(AccountRoles.Administrator))
            .DistinctBy(u => u.Id);
        foreach (var member in staff.Where(u => u.Email is not null))
        {
            await mail.SendAsync(member.Email!, member.DisplayName, member.PreferredLanguage, () => new MailContent(
                T["A cluster profile waits for validation: {0}", profile.Name],
                [T["Hello {0},", member.DisplayName], T["{0} was submitted for validation.", profile.Name]],
                new MailLink(T["Open the moderation queue"], $"{links.BaseUrl}/moderation")),
                cancellationToken);
        }
    }
}
