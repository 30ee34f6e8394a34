namespace ClusterAtlas.Profiles.Schema;

/// <summary>
/// How the ECCP page importer places a field's values: by the field's kind, or by one of the rules for the page's
/// irregular groups (lines that are names, roles, e-mails and phones in turn; tables printed as text).
/// </summary>
public enum EccpRule
{
    ByKind,
    /// <summary>The staff count, often followed by the region without a label.</summary>
    ManagementStaff,
    /// <summary>The excellence label, sometimes with its validity on the same line.</summary>
    ExcellenceLabel,
    ManagementTeam,
    SupportFacilities,
    MajorPlayers,
    CollaboratingClusters,
    SupportProgrammes,
    SuccessStories,
}
