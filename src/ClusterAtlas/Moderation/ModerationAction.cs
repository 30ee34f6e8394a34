namespace ClusterAtlas.Moderation;

/// <summary>One entry of the audit log: what a moderator did, to which profile, when and why.</summary>
public class ModerationAction : Data.INotContent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Null once the moderator's account is deleted; <see cref="ModeratorName"/> stays.</summary>
    public string? ModeratorUserId { get; set; }
    public required string ModeratorName { get; set; }
    public ModerationActionKind Action { get; set; }
    public int? ClusterOrganisationId { get; set; }
    /// <summary>The profile's name at the time, kept if the profile is deleted; for a vocabulary change, the vocabulary and term.</summary>
    public required string ProfileName { get; set; }
    /// <summary>The reason given, the revision reverted, the criteria waived.</summary>
    public string? Detail { get; set; }
}

public enum ModerationActionKind
{
    Approved, ApprovedWithWaiver, Rejected, Reverted,
    // Changes administrators make to the vocabularies (no profile: ClusterOrganisationId is null).
    TermAdded, TermRenamed, TermRetired, TermRestored, TermAccepted, TermMerged, TermRejected,
}
