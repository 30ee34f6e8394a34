namespace ClusterAtlas.Profiles.Editing;

/// <summary>A list of changed fields with a caption for each side.</summary>
public sealed record ChangesView(IReadOnlyList<FieldChange> Changes, string BeforeCaption, string AfterCaption);
