namespace ClusterAtlas.News;

/// <summary>
/// A cluster organisation whose administrators may publish news without the moderators' review: one flag, set and
/// cleared by a moderator (the row's presence is the flag; who set it and when, for the audit).
/// </summary>
public class TrustedNewsProfile : Data.INotContent
{
    public int ProfileId { get; set; }
    public DateTimeOffset TrustedAt { get; set; }
    public required string TrustedBy { get; set; }
}
