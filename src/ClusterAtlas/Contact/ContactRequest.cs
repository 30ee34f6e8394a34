using ClusterAtlas.Profiles;

namespace ClusterAtlas.Contact;

/// <summary>
/// A conversation that a member starts with the administrators of a cluster organisation's profile: its subject, who
/// wrote and for which of their own profiles, the meeting times proposed, what each side has read, and a spam report.
/// Only the sender and the profile's current administrators see it; moderators see it once a recipient reports it.
/// </summary>
public class ContactRequest : Data.INotContent
{
    public const int MaxSubjectLength = 200, MaxReasonLength = 1000, MaxProposedTimes = 3;

    public int Id { get; set; }
    /// <summary>The profile written to: its administrators, whoever they are now, are the other side.</summary>
    public int ProfileId { get; set; }
    public ClusterOrganisation Profile { get; set; } = null!;
    /// <summary>Null once the sender's account is deleted; <see cref="SenderName"/> stays.</summary>
    public string? SenderUserId { get; set; }
    public required string SenderName { get; set; }
    /// <summary>The sender's own cluster organisation they write for, if they chose one.</summary>
    public int? SenderProfileId { get; set; }
    public ClusterOrganisation? SenderProfile { get; set; }
    /// <summary>The partner search posting the request was written from, if any.</summary>
    public int? PostingId { get; set; }
    public required string Subject { get; set; }
    public List<ContactProposedTime> ProposedTimes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SenderLastWroteAt { get; set; }
    public DateTimeOffset? RecipientsLastWroteAt { get; set; }
    public DateTimeOffset? SenderReadAt { get; set; }
    /// <summary>When one of the profile's administrators last opened it (read for all of them: they answer as one).</summary>
    public DateTimeOffset? RecipientsReadAt { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public string? ReportedByName { get; set; }
    public string? ReportReason { get; set; }
    public DateTimeOffset? ReportHandledAt { get; set; }
    public string? ReportHandledByName { get; set; }
    public ContactReportOutcome? ReportOutcome { get; set; }

    public DateTimeOffset LastMessageAt => new[] { SenderLastWroteAt, RecipientsLastWroteAt, CreatedAt }.Max() ?? CreatedAt;

    public bool UnreadBySender => RecipientsLastWroteAt is { } wrote && (SenderReadAt is null || SenderReadAt < wrote);

    public bool UnreadByRecipients => SenderLastWroteAt is { } wrote && (RecipientsReadAt is null || RecipientsReadAt < wrote);

    public bool ReportOpen => ReportedAt is not null && ReportHandledAt is null;
}

public enum ContactReportOutcome { Dismissed, SenderBlocked }
