namespace ClusterAtlas.ImportExport;

/// <summary>The input cannot be read as a profile page at all; nothing was stored.</summary>
/// <param name="line">The line the reading stopped at, or 0 for the file as a whole (one that does not exist).</param>
public sealed class MalformedProfilePageException(string source, int line, string message)
    : Exception(line > 0 ? $"{source}, line {line}: {message}" : $"{source}: {message}")
{
    public string SourceName { get; } = source;
    public int Line { get; } = line;

    /// <summary>What is wrong, without the file and line.</summary>
    public string Problem { get; } = message;
}
