namespace ClusterAtlas.Contact;

/// <summary>A meeting time the sender proposes: the moment (UTC) and the time zone they chose it in.</summary>
public class ContactProposedTime
{
    public DateTimeOffset StartsAt { get; set; }
    /// <summary>An IANA time zone id, such as Europe/Belgrade.</summary>
    public required string TimeZoneId { get; set; }
}
