using ClusterAtlas.Mail;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Accounts;

/// <summary>
/// The messages of the account pages, each in the recipient's language. The localizer is named T, as in the
/// views, so that the strings read (and are found) the same way. They go out through the outbox table, after the page has
/// answered: whether a message is sent (an address has an account or not) must not show in how long the page takes.
/// </summary>
public sealed class AccountMail(OutgoingMail mail, IStringLocalizer<SharedResource> T)
{
    public Task SendEmailConfirmationAsync(ApplicationUser user, string link, CancellationToken cancellationToken) =>
        mail.QueueAsync(user.Email!, user.DisplayName, user.PreferredLanguage, () => new MailContent(
            T["Confirm your e-mail address"],
            [T["Hello {0},", user.DisplayName], T["Please confirm your e-mail address to finish creating your ClusterAtlas account."]],
            new MailLink(T["Confirm my e-mail address"], link),
            [T["The link is valid for 24 hours. If you did not create this account, ignore this message: without the confirmation nothing happens."]]),
            cancellationToken);

    /// <summary>Someone registered with an address that already has an account: its owner hears of it, the form says nothing.</summary>
    public Task SendAlreadyRegisteredAsync(ApplicationUser user, string signInLink, CancellationToken cancellationToken) =>
        mail.QueueAsync(user.Email!, user.DisplayName, user.PreferredLanguage, () => new MailContent(
            T["You already have a ClusterAtlas account"],
            [T["Hello {0},", user.DisplayName], T["Someone, probably you, tried to register a new account with this e-mail address, which already has one."]],
            new MailLink(T["Sign in"], signInLink),
            [T["If you forgot your password, choose \"Forgot your password?\" on the sign-in page. If it was not you, ignore this message: your account is unchanged."]]),
            cancellationToken);

    public Task SendPasswordResetAsync(ApplicationUser user, string link, CancellationToken cancellationToken) =>
        mail.QueueAsync(user.Email!, user.DisplayName, user.PreferredLanguage, () => new MailContent(
            T["Reset your password"],
            [T["Hello {0},", user.DisplayName], T["We received a request to reset the password of your ClusterAtlas account."]],
            new MailLink(T["Choose a new password"], link),
            [T["The link is valid for 24 hours and works once. If you did not ask for it, ignore this message: your password stays as it is."]]),
            cancellationToken);

    public Task SendEmailChangeConfirmationAsync(ApplicationUser user, string newEmail, string link, CancellationToken cancellationToken) =>
        mail.QueueAsync(newEmail, user.DisplayName, user.PreferredLanguage, () => new MailContent(
            T["Confirm your new e-mail address"],
            [T["Hello {0},", user.DisplayName], T["Please confirm that you want to use this address for your ClusterAtlas account."]],
            new MailLink(T["Confirm my new e-mail address"], link),
            [T["The link is valid for 24 hours. Until you confirm, your account keeps its old address."]]),
            cancellationToken);

    public Task SendEmailChangedNoticeAsync(ApplicationUser user, string oldEmail, CancellationToken cancellationToken) =>
        mail.QueueAsync(oldEmail, user.DisplayName, user.PreferredLanguage, () => new MailContent(
            T["Your e-mail address was changed"],
            [T["Hello {0},", user.DisplayName], T["The e-mail address of your ClusterAtlas account was changed to {0}.", user.Email!]],
            After: [T["If you did not do this, reset your password and contact the platform's administrators."]]),
            cancellationToken);
}
