namespace ClusterAtlas.Profiles.Editing;

public sealed record ProfileTabs(string Slug, ProfileTab Current, bool MayEdit);
