namespace ClusterAtlas.ImportExport;

public enum ImportOutcome { Taken, Empty, ProposedTerm, NotPlaced }
