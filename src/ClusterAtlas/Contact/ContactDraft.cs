namespace ClusterAtlas.Contact;

/// <summary>What the contact form sends: checked by <see cref="ContactRequests.SendAsync"/>, which names each wrong field.</summary>
public sealed class ContactDraft
{
    public string? Subject { get; set; }
    public string? Message { get; set; }
    /// <summary>Up to three local date-times (datetime-local) in <see cref="TimeZone"/>.</summary>
    public string?[] Times { get; set; } = new string?[ContactRequest.MaxProposedTimes];
    public string? TimeZone { get; set; }
    public int? SenderProfileId { get; set; }
    public int? PostingId { get; set; }
}
