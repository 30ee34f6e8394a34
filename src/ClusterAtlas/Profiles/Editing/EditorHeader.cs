namespace ClusterAtlas.Profiles.Editing;

/// <summary>The top of every editing page: breadcrumb, title, status and the profile's tabs.</summary>
public sealed record EditorHeader(ClusterOrganisation Profile, ProfileTab Current, string? Subtitle = null);
