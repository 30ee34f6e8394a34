using System.Globalization;
using System.Text.Encodings.Web;
using ClusterAtlas.Mail;
using ClusterAtlas.Profiles;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The newsletter's messages, in the subscriber's language (the culture <see cref="OutgoingMail"/> sets while
/// composing). Every message but the confirmation carries the manage link and the one-click unsubscribe headers.
/// </summary>
public sealed class NewsletterMail(NewsletterLinks links, IStringLocalizer<SharedResource> T)
{
    public MailContent Confirmation(NewsletterSubscription subscription) => new(
        T["Confirm your subscription to the ClusterAtlas newsletter"],
        [T["Hello,"], T["Someone, probably you, asked to receive the ClusterAtlas newsletter and weekly digest at this address. To start receiving them, confirm with the link below."]],
        new MailLink(T["Confirm my subscription"], links.ConfirmUrl(subscription)),
        [T["If you did not ask for it, ignore this e-mail: nothing will be sent to you, and the request is deleted after a few days."]]);

    public MailContent AlreadySubscribed(NewsletterSubscription subscription) => new(
        T["Your subscription to the ClusterAtlas newsletter"],
        [T["Hello,"], T["Someone, probably you, asked to subscribe this address to the ClusterAtlas newsletter. It is subscribed already, so nothing has changed. To change your sectors, countries or language, or to unsubscribe, use the link below."]],
        new MailLink(T["Manage your subscription"], links.ManageUrl(subscription)),
        null,
        Unsubscribe(subscription));

    public MailContent Digest(DigestIssue digest, NewsletterSubscription subscription, IReadOnlyList<DigestSection> sections)
    {
        var paragraphs = new List<string> { T["Hello,"], T["What was published on ClusterAtlas from {0} to {1}:", digest.Start.ToString("D", CultureInfo.CurrentCulture), digest.End.ToString("D", CultureInfo.CurrentCulture)] };
        foreach (var section in sections)
        {
            paragraphs.Add("== " + DigestSection.Heading(section.Section, T) + " ==");
            paragraphs.AddRange(section.Items.Select(item => string.Join("\n", new[] { item.Title, item.Summary, links.BaseUrl + item.Path }.OfType<string>())));
        }
        return new MailContent(
            T["The ClusterAtlas weekly digest of {0}", digest.End.ToString("D", CultureInfo.CurrentCulture)],
            paragraphs,
            new MailLink(T["Read this digest on the web"], links.BaseUrl + digest.Week.Path),
            [T["You get this digest because you subscribed to the ClusterAtlas newsletter. Change your sectors, countries or language: {0}", links.ManageUrl(subscription)]],
            Unsubscribe(subscription));
    }

    /// <summary>An editorial: the Markdown as plain text, and rendered without raw HTML for the HTML part.</summary>
    public MailContent Editorial(string subject, string markdown, NewsletterSubscription? subscription)
    {
        using var html = new StringWriter();
        ProfileView.Markdown(markdown).WriteTo(html, HtmlEncoder.Default);
        string after = subscription is null
            ? T["This is a test of the newsletter: subscribers get it with their own link to manage or end their subscription."]
            : T["You get this e-mail because you subscribed to the ClusterAtlas newsletter. Change your sectors, countries or language: {0}", links.ManageUrl(subscription)];
        return new MailContent(subject, [markdown], null, [after], subscription is null ? null : Unsubscribe(subscription), html.ToString());
    }

    private MailLink Unsubscribe(NewsletterSubscription subscription) =>
        new(T["Unsubscribe from the newsletter"], links.UnsubscribeUrl(subscription));
}
