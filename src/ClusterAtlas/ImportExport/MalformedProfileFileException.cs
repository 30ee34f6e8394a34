namespace ClusterAtlas.ImportExport;

/// <summary>An import file that cannot be read at all (not JSON, not CSV, a header missing): nothing of it is imported.</summary>
public sealed class MalformedProfileFileException(string source, int line, string message) : Exception($"{source}: line {line}: {message}")
{
    public int Line => line;
}
