namespace ClusterAtlas.Data;

/// <summary>A fault of the data folder, the database file or the database server, told in one line with what to do.</summary>
public sealed class StorageFaultException(string message, Exception inner) : Exception(message, inner);
