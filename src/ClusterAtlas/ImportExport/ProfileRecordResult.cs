namespace ClusterAtlas.ImportExport;

/// <summary>What the import did with one record: its outcome, the profile, the fields it changed, what it could not place.</summary>
/// <param name="Error">Why a skipped or refused record was not imported.</param>
public sealed record ProfileRecordResult(ProfileRecord Record, ProfileImportOutcome Outcome, string? Slug, IReadOnlyList<string> ChangedFields,
    ImportReport Report, string? Error = null)
{
    public bool IsBad => Outcome is ProfileImportOutcome.Skipped or ProfileImportOutcome.Refused;
}
