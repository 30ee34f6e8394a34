namespace ClusterAtlas.Moderation;

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
    // Members' access tokens of the API (the subject is the account).
    AccessTokenCreated, AccessTokenRevoked,
}
