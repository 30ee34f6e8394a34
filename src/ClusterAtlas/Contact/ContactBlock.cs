namespace ClusterAtlas.Contact;

/// <summary>A member that moderators have barred from sending contact requests, with the reason.</summary>
public class ContactBlock : Data.INotContent
{
    public required string UserId { get; set; }
    public required string Reason { get; set; }
    public required string BlockedByName { get; set; }
    public DateTimeOffset BlockedAt { get; set; }
    /// <summary>The reported request that led to the block.</summary>
    public int? RequestId { get; set; }
}
