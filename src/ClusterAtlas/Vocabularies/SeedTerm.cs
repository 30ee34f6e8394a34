namespace ClusterAtlas.Vocabularies;

/// <summary>A term as a vocabulary file gives it; <paramref name="Aliases"/> are its other spellings.</summary>
public sealed record SeedTerm(string Label, string? ParentLabel, IReadOnlyList<string> Aliases);
