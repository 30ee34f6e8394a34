namespace ClusterAtlas.ImportExport;

public sealed record ImportReportEntry(string Field, ImportOutcome Outcome, string Value, int Line, string? Note);
