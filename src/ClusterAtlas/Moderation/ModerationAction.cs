namespace ClusterAtlas.Moderation;

/// <summary>
/// One entry of the audit log: what someone of the platform team (or a profile's administrator, or the command line)
/// did, to which profile, term or account, when and why.
/// </summary>
public class ModerationAction : Data.INotContent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Who acted; null once their account is deleted (<see cref="ModeratorName"/> stays) or for the command line.</summary>
    public string? ModeratorUserId { get; set; }
    public required string ModeratorName { get; set; }
    public ModerationActionKind Action { get; set; }
    public int? ClusterOrganisationId { get; set; }
    /// <summary>
    /// The profile's name at the time, kept if the profile is deleted; for a vocabulary change, the vocabulary and term;
    /// for a change to an account, its name and e-mail address.
    /// </summary>
    public required string ProfileName { get; set; }
    /// <summary>The reason given, the revision reverted, the criteria waived.</summary>
    public string? Detail { get; set; }
}

public enum ModerationActionKind
{
    Approved, ApprovedWithWaiver, Rejected, Reverted,
    // Changes administrators make to the vocabularies (no profile: ClusterOrganisationId is null).
    TermAdded, TermRenamed, TermRetired, TermRestored, TermAccepted, TermMerged, TermRejected,
    // Administrators' changes to accounts (no profile; the subject is the account).
    RoleGranted, RoleRemoved, AccountLocked, AccountUnlocked,
    // Who administers a profile, changed by its administrators.
    ColleagueAdded, ColleagueRemoved, HandedOver,
    // The command-line importer.
    ImportCreated, ImportUpdated,
    // Contact requests: sent, refused by the rate limit, reported as spam, and the moderators' decisions on reports.
    ContactRequestSent, ContactRateLimited, ContactReported, ContactReportDismissed, ContactSenderBlocked, ContactSenderUnblocked,
}
