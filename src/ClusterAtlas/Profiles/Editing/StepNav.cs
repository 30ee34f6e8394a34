namespace ClusterAtlas.Profiles.Editing;

public sealed record StepNav(ClusterOrganisation Profile, string Current);
