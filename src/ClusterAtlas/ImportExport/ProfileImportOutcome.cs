namespace ClusterAtlas.ImportExport;

public enum ProfileImportOutcome { Created, Updated, Unchanged, Skipped, Refused }
