namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// One save of a profile: who, when, and its content before and after (as <see cref="ProfileForm"/> JSON), from
/// which the readable diff is made and to which a moderator can revert.
/// </summary>
public class ProfileRevision : Data.INotContent
{
    public long Id { get; set; }
    public int ClusterOrganisationId { get; set; }
    public ClusterOrganisation ClusterOrganisation { get; set; } = null!;
    /// <summary>Null once the author's account is deleted; <see cref="AuthorName"/> stays.</summary>
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public RevisionKind Kind { get; set; }
    /// <summary>The profile's status when it was saved: edits to published profiles go to the moderators' feed.</summary>
    public ProfileStatus ProfileStatus { get; set; }
    /// <summary>The labels of the fields that changed, for lists.</summary>
    public required string ChangedFields { get; set; }
    public required string BeforeJson { get; set; }
    public required string AfterJson { get; set; }
    /// <summary>
    /// The profile's concurrency token after this save: an editor who loaded this version and saves later is merged
    /// field by field against it instead of being refused outright.
    /// </summary>
    public Guid? TokenAfter { get; set; }
    /// <summary>For a revert: the revision whose change was undone.</summary>
    public long? RevertsRevisionId { get; set; }
}
