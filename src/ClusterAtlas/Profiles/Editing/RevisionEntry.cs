namespace ClusterAtlas.Profiles.Editing;

/// <summary>One save of a profile with what it changed, field by field.</summary>
public sealed record RevisionEntry(ProfileRevision Revision, IReadOnlyList<FieldChange> Changes);
