namespace ClusterAtlas.Operations;

/// <summary>A backup or restore that cannot be done, with a message that says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
