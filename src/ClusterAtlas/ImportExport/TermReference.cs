using ClusterAtlas.Profiles;

namespace ClusterAtlas.ImportExport;

/// <summary>A vocabulary label read from a page, to be matched against the vocabulary by the importer.</summary>
public sealed record TermReference(ProfileField Field, string Label, int Line);
