using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>Names of the actions of the audit log in the reader's language (statuses: <see cref="Profiles.Editing.ProfileStatusLabels"/>).</summary>
public static class ModerationText
{
    /// <summary>The kinds of events, grouped as the audit log's filter offers them.</summary>
    public static readonly IReadOnlyList<(AuditGroup Group, ModerationActionKind[] Kinds)> Groups =
    [
        (AuditGroup.Decisions, [ModerationActionKind.Approved, ModerationActionKind.ApprovedWithWaiver, ModerationActionKind.Rejected, ModerationActionKind.Reverted]),
        (AuditGroup.Colleagues, [ModerationActionKind.ColleagueAdded, ModerationActionKind.ColleagueRemoved, ModerationActionKind.HandedOver]),
        (AuditGroup.Accounts, [ModerationActionKind.RoleGranted, ModerationActionKind.RoleRemoved, ModerationActionKind.AccountLocked, ModerationActionKind.AccountUnlocked,
            ModerationActionKind.AccessTokenCreated, ModerationActionKind.AccessTokenRevoked]),
        (AuditGroup.Imports, [ModerationActionKind.ImportCreated, ModerationActionKind.ImportUpdated]),
        (AuditGroup.Vocabularies, [ModerationActionKind.TermAdded, ModerationActionKind.TermRenamed, ModerationActionKind.TermRetired, ModerationActionKind.TermRestored,
            ModerationActionKind.TermAccepted, ModerationActionKind.TermMerged, ModerationActionKind.TermRejected]),
        (AuditGroup.Contact, [ModerationActionKind.ContactRequestSent, ModerationActionKind.ContactRateLimited, ModerationActionKind.ContactReported,
            ModerationActionKind.ContactReportDismissed, ModerationActionKind.ContactSenderBlocked, ModerationActionKind.ContactSenderUnblocked]),
    ];

    public static string GroupName(AuditGroup group, IStringLocalizer T) => group switch
    {
        AuditGroup.Decisions => T["Decisions on profiles"],
        AuditGroup.Colleagues => T["Profile administrators"],
        AuditGroup.Accounts => T["Accounts"],
        AuditGroup.Imports => T["Imports"],
        AuditGroup.Contact => T["Contact requests"],
        _ => T["Vocabularies"],
    };

    /// <summary>The kind as the query string names it.</summary>
    public static string Key(ModerationActionKind action) => action.ToString();

    public static string ActionName(ModerationActionKind action, IStringLocalizer T) => action switch
    {
        ModerationActionKind.Approved => T["Published"],
        ModerationActionKind.ApprovedWithWaiver => T["Published, criteria waived"],
        ModerationActionKind.Rejected => T["Rejected"],
        ModerationActionKind.Reverted => T["Change reverted"],
        ModerationActionKind.TermAdded => T["Term added"],
        ModerationActionKind.TermRenamed => T["Term renamed"],
        ModerationActionKind.TermRetired => T["Term retired"],
        ModerationActionKind.TermRestored => T["Term restored"],
        ModerationActionKind.TermAccepted => T["Proposed term accepted"],
        ModerationActionKind.TermMerged => T["Proposed term merged"],
        ModerationActionKind.TermRejected => T["Proposed term rejected"],
        ModerationActionKind.RoleGranted => T["Role granted"],
        ModerationActionKind.RoleRemoved => T["Role removed"],
        ModerationActionKind.AccountLocked => T["Account locked"],
        ModerationActionKind.AccountUnlocked => T["Account unlocked"],
        ModerationActionKind.ColleagueAdded => T["Colleague added"],
        ModerationActionKind.ColleagueRemoved => T["Colleague removed"],
        ModerationActionKind.HandedOver => T["Profile handed over"],
        ModerationActionKind.ImportCreated => T["Created by an import"],
        ModerationActionKind.ImportUpdated => T["Updated by an import"],
        ModerationActionKind.ContactRequestSent => T["Contact request sent"],
        ModerationActionKind.ContactRateLimited => T["Contact request refused by the rate limit"],
        ModerationActionKind.ContactReported => T["Contact request reported as spam"],
        ModerationActionKind.ContactReportDismissed => T["Spam report dismissed"],
        ModerationActionKind.ContactSenderBlocked => T["Sender blocked from contact requests"],
        ModerationActionKind.ContactSenderUnblocked => T["Sender's block lifted"],
        ModerationActionKind.AccessTokenCreated => T["API access token created"],
        ModerationActionKind.AccessTokenRevoked => T["API access token revoked"],
        _ => action.ToString(),
    };
}
