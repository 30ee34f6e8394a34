using ClusterAtlas.Accounts;
using ClusterAtlas.Mail;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The links of newsletter mail, from the configured base URL (mail is composed in the background, and a link must
/// never follow a request's Host header). Confirm and manage tokens name the subscription's key, each for its own
/// purpose; the manage token also unsubscribes (one click), as it is in every mail to the address it names.
/// </summary>
public sealed class NewsletterLinks(AccountLinks links, MailLinkTokens tokens)
{
    public const string SubscribePath = "/newsletter";
    public const string ConfirmPath = "/newsletter/confirm";
    public const string ManagePath = "/newsletter/manage";
    public const string UnsubscribePath = "/newsletter/unsubscribe";

    private const string ConfirmPurpose = "ClusterAtlas.Newsletter.Confirm.v1";
    private const string ManagePurpose = "ClusterAtlas.Newsletter.Manage.v1";

    public string BaseUrl => links.BaseUrl;

    public string ConfirmUrl(NewsletterSubscription subscription) => Url(ConfirmPath, Token(ConfirmPurpose, subscription));

    public string ManageUrl(NewsletterSubscription subscription) => Url(ManagePath, ManageToken(subscription));

    public string UnsubscribeUrl(NewsletterSubscription subscription) => Url(UnsubscribePath, ManageToken(subscription));

    public string ManageToken(NewsletterSubscription subscription) => Token(ManagePurpose, subscription);

    public Guid? ReadConfirmToken(string? token) => Read(ConfirmPurpose, token);

    public Guid? ReadManageToken(string? token) => Read(ManagePurpose, token);

    private string Token(string purpose, NewsletterSubscription subscription) => tokens.Protect(purpose, subscription.Key.ToString("N"));

    private Guid? Read(string purpose, string? token) =>
        Guid.TryParseExact(tokens.Unprotect(purpose, token), "N", out var key) ? key : null;

    private string Url(string path, string token) => $"{links.BaseUrl}{path}?token={Uri.EscapeDataString(token)}";
}
