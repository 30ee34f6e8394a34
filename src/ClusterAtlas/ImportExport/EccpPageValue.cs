namespace ClusterAtlas.ImportExport;

/// <summary>A line of a saved page under a label, with its number.</summary>
public sealed record EccpPageValue(string Text, int Line);
