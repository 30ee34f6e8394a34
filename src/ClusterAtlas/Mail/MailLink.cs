namespace ClusterAtlas.Mail;

public sealed record MailLink(string Text, string Url);
