using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClusterAtlas.Mail;

/// <summary>
/// Writes messages in the recipient's language, as plain text and HTML (multipart/alternative), and hands them
/// to the configured <see cref="IMailSender"/>.
/// </summary>
public sealed class OutgoingMail(IMailSender sender, IOptions<SmtpOptions> smtp, IOptions<RequestLocalizationOptions> localization)
{
    /// <summary>
    /// Composes the message with the UI culture set to <paramref name="language"/> (when it is a supported
    /// language), so that every localised string in <paramref name="compose"/> is in the recipient's language.
    /// </summary>
    public async Task SendAsync(string toAddress, string? toName, string? language, Func<MailContent> compose, CancellationToken cancellationToken)
    {
        var culture = CultureFor(language);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        MailContent content;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            content = compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(new MailboxAddress(toName ?? "", toAddress));
        message.Subject = content.Subject;
        message.Body = new BodyBuilder { TextBody = PlainText(content), HtmlBody = Html(content, culture) }.ToMessageBody();
        // Content-* headers belong to the body (MimeKit writes a message's Content-* headers from its body).
        message.Body.Headers.Add(HeaderId.ContentLanguage, culture.Name);
        await sender.SendAsync(message, cancellationToken);
    }

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
        foreach (var paragraph in content.Paragraphs)
        {
            body.Append("<p>").Append(html.Encode(paragraph)).Append("</p>\n");
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
        return body.Append("</body>\n</html>\n").ToString();
    }
}
