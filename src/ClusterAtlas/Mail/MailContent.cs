namespace ClusterAtlas.Mail;

/// <summary>
/// What a message says: paragraphs, an optional link (the action it asks for), and paragraphs after it. A message with
/// <paramref name="Unsubscribe"/> (notifications) shows that link at its end and carries the RFC 8058 one-click headers.
/// <paramref name="Html"/>, when given, is what the HTML part shows instead of the paragraphs: HTML made by the product's
/// Markdown rendering (no raw HTML, links under the link policy), never people's text as it came.
/// </summary>
public sealed record MailContent(string Subject, IReadOnlyList<string> Paragraphs, MailLink? Link = null, IReadOnlyList<string>? After = null, MailLink? Unsubscribe = null, string? Html = null);
