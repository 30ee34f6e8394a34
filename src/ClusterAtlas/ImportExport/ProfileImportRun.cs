namespace ClusterAtlas.ImportExport;

/// <summary>The records of one import run and whether what they changed was written.</summary>
public sealed class ProfileImportRun(ProfileImportOptions options)
{
    private readonly List<ProfileRecordResult> _results = [];

    public ProfileImportOptions Options => options;
    public IReadOnlyList<ProfileRecordResult> Results => _results;
    public bool HasBadRecords => _results.Any(r => r.IsBad);

    /// <summary>False for a dry run, and for an all-or-nothing run with a bad record.</summary>
    public bool Written { get; set; }

    public void Add(ProfileRecordResult result) => _results.Add(result);

    public int Count(ProfileImportOutcome outcome) => _results.Count(r => r.Outcome == outcome);
}
