namespace ClusterAtlas.Vocabularies;

/// <summary>A term with how many profiles have it, for the administrators' pages.</summary>
public sealed record TermUsage(VocabularyTerm Term, int Profiles);
