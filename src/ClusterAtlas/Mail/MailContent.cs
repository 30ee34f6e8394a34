namespace ClusterAtlas.Mail;

/// <summary>What a message says: paragraphs, an optional link (the action it asks for), and paragraphs after it.</summary>
public sealed record MailContent(string Subject, IReadOnlyList<string> Paragraphs, MailLink? Link = null, IReadOnlyList<string>? After = null);
