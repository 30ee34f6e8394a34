namespace ClusterAtlas.ImportExport;

/// <summary>An import that would replace what a profile's members maintain on the platform, refused (nothing was written).</summary>
public sealed class ProfileImportRefusedException(string source, string message) : Exception($"{source}: {message}");
