using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ClusterAtlas.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClusterAtlas.Mail;

/// <summary>
/// Writes messages in the recipient's language, as plain text and HTML (multipart/alternative), and hands them
/// to the configured <see cref="IMailSender"/>.
/// </summary>
public sealed class OutgoingMail(IMailSender sender, ClusterAtlasDbContext db, TimeProvider clock, IOptions<SmtpOptions> smtp, IOptions<RequestLocalizationOptions> localization)
{
    /// <summary>
    /// Composes the message with the UI culture set to <paramref name="language"/> (when it is a supported
    /// language), so that every localised string in <paramref name="compose"/> is in the recipient's language,
    /// and delivers it before returning.
    /// </summary>
    public async Task SendAsync(string toAddress, string? toName, string? language, Func<MailContent> compose, CancellationToken cancellationToken) =>
        await sender.SendAsync(Compose(toAddress, toName, language, compose), cancellationToken);

    /// <summary>
    /// Composes the message now and queues it in the outbox table, saved at once: for the pages whose answer must not
    /// take longer when a message goes out (whether an address has an account must not show in the response time).
    /// </summary>
    public async Task QueueAsync(string toAddress, string? toName, string? language, Func<MailContent> compose, CancellationToken cancellationToken)
    {
        Enqueue(db, toAddress, toName, language, compose);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Composes the message now and adds it to <paramref name="context"/>'s outbox, to be saved by the caller's
    /// SaveChanges together with the event that caused it; the outbox worker delivers it after the commit.
    /// </summary>
    public OutboxMessage Enqueue(ClusterAtlasDbContext context, string toAddress, string? toName, string? language, Func<MailContent> compose) =>
        Enqueue(context, Compose(toAddress, toName, language, compose));

    /// <summary>Adds a message made by <see cref="Compose"/> (and given headers of its own, such as Reply-To) to the outbox.</summary>
    public OutboxMessage Enqueue(ClusterAtlasDbContext context, MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var toAddress = message.To.Mailboxes.First().Address;
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var now = clock.GetUtcNow();
        var subject = message.Subject ?? "";
        var row = new OutboxMessage
        {
            ToAddress = toAddress.Length > OutboxMessage.MaxAddressLength ? toAddress[..OutboxMessage.MaxAddressLength] : toAddress,
            Subject = subject.Length > OutboxMessage.MaxSubjectLength ? subject[..OutboxMessage.MaxSubjectLength] : subject,
            Content = bytes.ToArray(),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        context.Add(row);
        return row;
    }

    /// <summary>
    /// Builds the message. The one place where people's text meets headers: the subject and the recipient's name lose
    /// line breaks and control characters, the body keeps only its line breaks (see <see cref="MailText"/>).
    /// </summary>
    public MimeMessage Compose(string toAddress, string? toName, string? language, Func<MailContent> compose)
    {
        var culture = CultureFor(language);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        MailContent content;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            content = Clean(compose());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(new MailboxAddress(MailText.HeaderValue(toName), toAddress));
        message.Subject = content.Subject;
        if (content.Unsubscribe is { } unsubscribe)
        {
            // RFC 8058: a mail program may offer "unsubscribe" and POST "List-Unsubscribe=One-Click" to this address.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.Url}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new BodyBuilder { TextBody = PlainText(content), HtmlBody = Html(content, culture) }.ToMessageBody();
        // Content-* headers belong to the body (MimeKit writes a message's Content-* headers from its body).
        message.Body.Headers.Add(HeaderId.ContentLanguage, culture.Name);
        return message;
    }

    internal static MailContent Clean(MailContent content) => new(
        MailText.HeaderValue(content.Subject),
        [.. content.Paragraphs.Select(MailText.BodyText)],
        content.Link is { } link ? new MailLink(MailText.HeaderValue(link.Text), MailText.HeaderValue(link.Url)) : null,
        content.After is { } after ? [.. after.Select(MailText.BodyText)] : null,
        content.Unsubscribe is { } unsubscribe ? new MailLink(MailText.HeaderValue(unsubscribe.Text), MailText.HeaderValue(unsubscribe.Url)) : null,
        content.Html);

    private CultureInfo CultureFor(string? language)
    {
        var supported = localization.Value.SupportedUICultures ?? [];
        return supported.FirstOrDefault(c => string.Equals(c.Name, language, StringComparison.OrdinalIgnoreCase))
            ?? localization.Value.DefaultRequestCulture.UICulture;
    }

    internal static string PlainText(MailContent content)
    {
        var text = new StringBuilder();
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }
        if (content.Link is { } link)
        {
            text.Append(link.Text).Append(":\n").Append(link.Url).Append("\n\n");
        }
        foreach (var paragraph in content.After ?? [])
        {
            text.Append(paragraph).Append("\n\n");
        }
        if (content.Unsubscribe is { } unsubscribe)
        {
            text.Append("-- \n").Append(unsubscribe.Text).Append(":\n").Append(unsubscribe.Url).Append("\n\n");
        }
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>Encodes markup characters only: names and text in any script stay readable in the source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    internal static string Html(MailContent content, CultureInfo culture)
    {
        var html = Encoder;
        var body = new StringBuilder();
        body.Append("<!DOCTYPE html>\n<html lang=\"").Append(html.Encode(culture.Name)).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(html.Encode(content.Subject)).Append("</title></head>\n<body>\n");
        if (content.Html is { } rendered)
        {
            body.Append(rendered).Append('\n');
        }
        else
        {
            foreach (var paragraph in content.Paragraphs)
            {
                body.Append("<p>").Append(html.Encode(paragraph)).Append("</p>\n");
            }
        }
        if (content.Link is { } link)
        {
            body.Append("<p><a href=\"").Append(html.Encode(link.Url)).Append("\">").Append(html.Encode(link.Text)).Append("</a></p>\n");
            body.Append("<p>").Append(html.Encode(link.Url)).Append("</p>\n");
        }
        foreach (var paragraph in content.After ?? [])
        {
            body.Append("<p>").Append(html.Encode(paragraph)).Append("</p>\n");
        }
        if (content.Unsubscribe is { } unsubscribe)
        {
            body.Append("<hr>\n<p><small><a href=\"").Append(html.Encode(unsubscribe.Url)).Append("\">").Append(html.Encode(unsubscribe.Text)).Append("</a></small></p>\n");
        }
        return body.Append("</body>\n</html>\n").ToString();
    }
}
