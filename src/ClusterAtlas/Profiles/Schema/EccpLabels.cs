namespace ClusterAtlas.Profiles.Schema;

/// <summary>
/// Where a field is on a saved ECCP profile page: the labels the ECCP prints for it (and their variants), folded with
/// <see cref="TextFolding.MatchKey"/>; the name the import report gives it; whether its value is a block of text
/// (lines ending in a colon inside it are text, not labels); and how its values are placed.
/// </summary>
public sealed record EccpLabels(string ReportName, IReadOnlyList<string> Keys, bool TextBlock = false, EccpRule Rule = EccpRule.ByKind);
