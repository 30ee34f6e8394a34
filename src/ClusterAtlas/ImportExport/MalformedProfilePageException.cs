namespace ClusterAtlas.ImportExport;

/// <summary>The input cannot be read as a profile page at all; nothing was stored.</summary>
public sealed class MalformedProfilePageException(string source, int line, string message)
    : Exception($"{source}, line {line}: {message}")
{
    public string SourceName { get; } = source;
    public int Line { get; } = line;

    /// <summary>What is wrong, without the file and line.</summary>
    public string Problem { get; } = message;
}
