namespace ClusterAtlas.Profiles.Editing;

/// <summary>One of the published criteria a cluster organisation must meet to be listed, with what the profile says (in the reader's language).</summary>
public sealed record CriterionResult(string Id, string Title, bool Met, string Explanation);
