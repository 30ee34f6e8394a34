namespace ClusterAtlas.Contact;

/// <summary>One message of a contact request: the first is the request itself, the others answers from either side.</summary>
public class ContactMessage : Data.INotContent
{
    public const int MaxTextLength = 10_000;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>Written by the sender of the request (else by one of the profile's administrators).</summary>
    public bool FromSender { get; set; }
    /// <summary>Plain text or Markdown, rendered without raw HTML and with links under the link policy.</summary>
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
