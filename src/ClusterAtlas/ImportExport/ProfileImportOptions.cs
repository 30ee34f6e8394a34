using ClusterAtlas.Profiles;

namespace ClusterAtlas.ImportExport;

/// <param name="Status">The status of profiles the import creates.</param>
/// <param name="Replace">Replace profiles that their members maintain on the platform (else such a record is refused).</param>
/// <param name="DryRun">Check and report everything, write nothing.</param>
/// <param name="AllOrNothing">Write nothing when any record is bad.</param>
/// <param name="SourceTag">What the created profiles' Source says ("json-import", "csv-import").</param>
public sealed record ProfileImportOptions(ProfileStatus Status, bool Replace, bool DryRun, bool AllOrNothing, string SourceTag);
