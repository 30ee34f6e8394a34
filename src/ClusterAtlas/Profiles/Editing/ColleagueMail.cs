using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The message to a member who became an administrator of a profile, in their language: added to the outbox of
/// <paramref name="db"/>, saved by the caller together with the change of administrators (decision 0015).
/// </summary>
public sealed class ColleagueMail(OutgoingMail mail, ClusterAtlasDbContext db, AccountLinks links, IStringLocalizer<SharedResource> T)
{
    /// <param name="byName">The name of the member who added them (or handed the profile over to them).</param>
    public void QueueAdded(ApplicationUser colleague, ClusterOrganisation profile, string byName, bool handedOver) =>
        mail.Enqueue(db, colleague.Email!, colleague.DisplayName, colleague.PreferredLanguage, () => new MailContent(
            T["You can now edit {0} on ClusterAtlas", profile.Name],
            [
                T["Hello {0},", colleague.DisplayName],
                handedOver
                    ? T["{0} handed the profile of {1} over to you: you are now its administrator. You can edit the profile and add colleagues who help you.", byName, profile.Name]
                    : T["{0} added you as an administrator of the profile of {1}. You can now edit the profile and add or remove colleagues.", byName, profile.Name],
            ],
            new MailLink(T["Edit the profile"], $"{links.BaseUrl}/cluster-organisations/{Uri.EscapeDataString(profile.Slug)}/edit"),
            [T["Sign in with this e-mail address. If you do not want to administer this profile, remove yourself on its Colleagues page."]]));
}
