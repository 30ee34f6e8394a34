namespace ClusterAtlas.Caching;

/// <summary>Settings under "ClusterAtlas:OutputCache".</summary>
public sealed class OutputCacheSettings
{
    public const string Section = "ClusterAtlas:OutputCache";

    /// <summary>Off, every public answer is rendered anew (the benchmark's uncached run; a diagnosis).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an answer is kept at most. Writes in this process evict at once; this bounds what only time or another
    /// process changes (the command line's imports, another instance): the same minute the API's max-age promises.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(60);
}
