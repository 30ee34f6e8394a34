namespace ClusterAtlas.Profiles.Editing;

public sealed record YesNoChoice(string Property, bool? Value);
