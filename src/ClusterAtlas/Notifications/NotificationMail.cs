using ClusterAtlas.Accounts;
using ClusterAtlas.Localisation;
using ClusterAtlas.Mail;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Notifications;

/// <summary>
/// The e-mail of a notification, or of a day's digest, in the recipient's language (the culture <see cref="OutgoingMail"/>
/// sets while composing). Links come from the platform's configured address (<see cref="AccountLinks"/>: mail is
/// composed in the background, where no request exists), and each message carries its unsubscribe link.
/// </summary>
public sealed class NotificationMail(AccountLinks links, UnsubscribeTokens tokens, IStringLocalizer<SharedResource> T)
{
    public const string UnsubscribePath = "/account/notifications/unsubscribe";
    public const string SettingsPath = "/account/notifications/settings";

    public string UnsubscribeUrl(string userId, NotificationKind? kind) =>
        $"{links.BaseUrl}{UnsubscribePath}?token={Uri.EscapeDataString(tokens.Create(userId, kind))}";

    public MailContent Message(Notification notification, string recipientName, string unsubscribeUrl)
    {
        var baseUrl = links.BaseUrl;
        var url = baseUrl + notification.Link;
        var sentence = NotificationWording.Sentence(notification, T);
        var paragraphs = new List<string> { T["Hello {0},", recipientName], sentence };
        string subject;
        MailLink link;
        var after = new List<string>();
        switch (notification.Kind)
        {
            case NotificationKind.InterestShown:
                subject = T["{0} is interested in your partner search", notification.Actor ?? ""];
                if (notification.Excerpt is not null)
                {
                    paragraphs.Add(T["Their message:"]);
                    paragraphs.Add(notification.Excerpt);
                }
                link = notification.ActorLink is { } profile
                    ? new MailLink(T["See the profile of {0}", notification.Actor ?? ""], baseUrl + profile)
                    : new MailLink(T["See the partner search"], url);
                after.Add(T["Your partner search, with everyone interested in it: {0}", url]);
                break;
            case NotificationKind.DeadlineReminder:
                subject = T["Your partner search “{0}” closes soon", notification.Subject];
                paragraphs[1] = T["Your partner search “{0}” closes itself after {1}. If you still look for partners, give it a later deadline; if you found them, close it.",
                    notification.Subject, NotificationWording.Date(notification.Excerpt)];
                link = new MailLink(T["Renew it with a later deadline"], url + "/edit");
                after.Add(T["Close it: {0}", url + "/close"]);
                break;
            default:
                subject = sentence.TrimEnd('.');
                if (notification.Excerpt is not null)
                {
                    paragraphs.Add(notification.Excerpt);
                }
                link = new MailLink(T["See it on ClusterAtlas"], url);
                break;
        }
        after.Add(T["You get this e-mail because of your notification settings: {0}", baseUrl + SettingsPath]);
        return new MailContent(subject, paragraphs, link, after, new MailLink(T["Unsubscribe from these e-mails"], unsubscribeUrl));
    }

    public MailContent Digest(IReadOnlyList<Notification> notifications, string recipientName, string unsubscribeUrl)
    {
        var baseUrl = links.BaseUrl;
        var paragraphs = new List<string> { T["Hello {0},", recipientName], T["What happened on ClusterAtlas for you since your last digest:"] };
        foreach (var notification in notifications)
        {
            var item = NotificationWording.Sentence(notification, T) + "\n" + baseUrl + notification.Link;
            if (notification.Kind != NotificationKind.DeadlineReminder && notification.Excerpt is { } excerpt)
            {
                item += "\n" + (excerpt.Length > 300 ? excerpt[..299] + "…" : excerpt);
            }
            paragraphs.Add(item);
        }
        return new MailContent(
            T.Plural(notifications.Count, T["Your ClusterAtlas digest: {0} notification"], T["Your ClusterAtlas digest: {0} notifications|few"], T["Your ClusterAtlas digest: {0} notifications"]),
            paragraphs,
            new MailLink(T["See all your notifications"], baseUrl + "/account/notifications"),
            [T["You get this digest because of your notification settings: {0}", baseUrl + SettingsPath]],
            new MailLink(T["Unsubscribe from these e-mails"], unsubscribeUrl));
    }
}
