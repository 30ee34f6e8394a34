namespace ClusterAtlas.ImportExport;

/// <summary>What an import took and what it could not place, field by field.</summary>
public sealed class ImportReport
{
    private readonly List<ImportReportEntry> _entries = [];

    public IReadOnlyList<ImportReportEntry> Entries => _entries;
    public string? Slug { get; set; }
    public bool Created { get; set; }

    /// <summary>The profile the import created published (saved directory searches that find it are told), else null.</summary>
    public int? PublishedProfileId { get; set; }

    /// <summary>The profile written when the import was asked to leave its collaborations unmatched (for one matching after a run of pages).</summary>
    public IReadOnlyList<int> LeftUnmatched { get; set; } = [];

    /// <summary>No profile had the page's slug; the one with its website was updated.</summary>
    public bool MatchedByWebsite { get; set; }

    /// <summary>Nothing was written: the report says what an import would do.</summary>
    public bool DryRun { get; set; }

    /// <summary>The fields the import changes (or would change), with their values before and after.</summary>
    public IReadOnlyList<ClusterAtlas.Profiles.Editing.FieldChange> Changes { get; set; } = [];

    /// <summary>Which of the ECCP's page layouts the page has.</summary>
    public EccpLayout Layout { get; set; }

    public void Took(string field, string value, int line) => _entries.Add(new(field, ImportOutcome.Taken, value, line, null));
    public void NotPlaced(string field, string value, int line, string reason) => _entries.Add(new(field, ImportOutcome.NotPlaced, value, line, reason));
    public void Proposed(string field, string value, int line) =>
        _entries.Add(new(field, ImportOutcome.ProposedTerm, value, line, "not in the vocabulary: recorded as a proposed term for review"));
    public void Empty(string field, int line) => _entries.Add(new(field, ImportOutcome.Empty, "", line, "label present, no value"));

    /// <summary>Gives each entry the line of the file it came from (a page saved as HTML is read as its text's lines).</summary>
    public void MapLines(Func<int, int> sourceLine)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            _entries[i] = _entries[i] with { Line = sourceLine(_entries[i].Line) };
        }
    }

    public IEnumerable<ImportReportEntry> Problems => _entries.Where(e => e.Outcome is ImportOutcome.NotPlaced or ImportOutcome.ProposedTerm);
}
