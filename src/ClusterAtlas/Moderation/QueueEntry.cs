using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Moderation;

/// <summary>A submitted profile as the queue lists it.</summary>
public sealed record QueueEntry(int Id, string Name, string Country, DateTimeOffset? SubmittedAt, int CriteriaMet, int CriteriaCount, IReadOnlyList<string> ClusterProgrammes);
