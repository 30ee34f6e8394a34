namespace ClusterAtlas.ImportExport;

/// <summary>What an import took and what it could not place, field by field.</summary>
public sealed class ImportReport
{
    private readonly List<ImportReportEntry> _entries = [];

    public IReadOnlyList<ImportReportEntry> Entries => _entries;
    public string? Slug { get; set; }
    public bool Created { get; set; }

    public void Took(string field, string value, int line) => _entries.Add(new(field, ImportOutcome.Taken, value, line, null));
    public void NotPlaced(string field, string value, int line, string reason) => _entries.Add(new(field, ImportOutcome.NotPlaced, value, line, reason));
    public void Proposed(string field, string value, int line) =>
        _entries.Add(new(field, ImportOutcome.ProposedTerm, value, line, "not in the vocabulary: recorded as a proposed term for review"));
    public void Empty(string field, int line) => _entries.Add(new(field, ImportOutcome.Empty, "", line, "label present, no value"));

    public IEnumerable<ImportReportEntry> Problems => _entries.Where(e => e.Outcome is ImportOutcome.NotPlaced or ImportOutcome.ProposedTerm);
}
