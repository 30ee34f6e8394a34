namespace ClusterAtlas.Vocabularies;

/// <summary>
/// Proposed terms come from imports that met an unknown label; they wait for review and are not shown publicly.
/// Retired terms stay on the profiles that have them (and are shown there) but are no longer offered in forms or facets.
/// </summary>
public enum TermStatus { Active, Proposed, Retired }
