using System.Globalization;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using ClusterAtlas.Notifications;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace ClusterAtlas.Contact;

/// <summary>A person a contact mail goes to, or answers go back to.</summary>
public sealed record ContactParty(string UserId, string Email, string Name, string? Language);

/// <summary>
/// Every mail about contact requests, in one place: the request to each of the profile's administrators, and an answer
/// to the other side. Each is in its recipient's language; its Reply-To is the writer's address, so that replying in a
/// mail program answers the writer directly; links are made from the configured address (<see cref="AccountLinks"/>),
/// never from a request's Host header; names and subjects reach headers only through <see cref="OutgoingMail"/> and
/// <see cref="MailText"/>, which keep line breaks out of them.
/// </summary>
public sealed class ContactRequestMail(OutgoingMail mail, AccountLinks links, IStringLocalizer<SharedResource> T)
{
    /// <summary>The base of every link; throws before anything is stored when the platform's address is not trusted.</summary>
    public string BaseUrl => links.BaseUrl;

    public string ConversationUrl(int requestId) => $"{links.BaseUrl}/account/inbox/{requestId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Adds the request's mail to each recipient to <paramref name="db"/>'s outbox, and a notification to each one's
    /// notifications page, to be saved with the request. The notification is not mailed again: this mail carries the
    /// whole message and answers reach the writer.
    /// </summary>
    public void QueueRequest(ClusterAtlasDbContext db, ContactRequest request, string profileName, string? senderProfileName, string text, ContactParty from, IReadOnlyList<ContactParty> recipients, DateTimeOffset now)
    {
        var url = ConversationUrl(request.Id);
        foreach (var recipient in recipients)
        {
            var message = mail.Compose(recipient.Email, recipient.Name, recipient.Language, () =>
            {
                var paragraphs = new List<string>
                {
                    T["Hello {0},", recipient.Name],
                    senderProfileName is null
                        ? T["{0} writes to {1} through ClusterAtlas:", from.Name, profileName]
                        : T["{0} of {1} writes to {2} through ClusterAtlas:", from.Name, senderProfileName, profileName],
                    text,
                };
                if (request.ProposedTimes.Count > 0)
                {
                    paragraphs.Add(T["Proposed meeting times:"]);
                    paragraphs.Add(string.Join("\n", request.ProposedTimes.Select(t => "- " + ContactTimes.Describe(t, CultureInfo.CurrentCulture))));
                }
                return new MailContent(
                    T["Contact request: {0}", request.Subject],
                    paragraphs,
                    new MailLink(T["Read and answer it in your inbox"], url),
                    [T["Replying to this e-mail answers {0} directly, at their own address.", from.Name]]);
            });
            Queue(db, message, from);
            var notification = Notifier.Add(db, recipient.UserId, NotificationKind.ContactRequest,
                new NotificationText(request.Subject, Actor: from.Name, Excerpt: text),
                $"/account/inbox/{request.Id.ToString(CultureInfo.InvariantCulture)}", now);
            notification.MailState = NotificationMailState.NotMailed;
        }
    }

    /// <summary>Adds an answer's mail to each of the other side to <paramref name="db"/>'s outbox, to be saved with the answer.</summary>
    public void QueueAnswer(ClusterAtlasDbContext db, ContactRequest request, string text, ContactParty from, IReadOnlyList<ContactParty> recipients)
    {
        var url = ConversationUrl(request.Id);
        foreach (var recipient in recipients)
        {
            var message = mail.Compose(recipient.Email, recipient.Name, recipient.Language, () => new MailContent(
                T["New answer: {0}", request.Subject],
                [T["Hello {0},", recipient.Name], T["{0} answered in your conversation “{1}”:", from.Name, request.Subject], text],
                new MailLink(T["See the conversation"], url),
                [T["Replying to this e-mail answers {0} directly, at their own address.", from.Name]]));
            Queue(db, message, from);
        }
    }

    private void Queue(ClusterAtlasDbContext db, MimeMessage message, ContactParty from)
    {
        message.ReplyTo.Add(new MailboxAddress(MailText.HeaderValue(from.Name), from.Email));
        mail.Enqueue(db, message);
    }
}
