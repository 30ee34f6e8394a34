namespace ClusterAtlas.ImportExport;

/// <summary>An import file that cannot be read at all (not JSON, not CSV, a header missing): nothing of it is imported.</summary>
/// <param name="line">The line the reading stopped at, or 0 for the file as a whole (one that does not exist).</param>
public sealed class MalformedProfileFileException(string source, int line, string message)
    : Exception(line > 0 ? $"{source}: line {line}: {message}" : $"{source}: {message}")
{
    public int Line => line;
}
