namespace ClusterAtlas.Data;

/// <summary>
/// Gives the memory of a large in-memory build back to the system once it is done. Building the directory or the
/// network of tens of thousands of profiles allocates far more than it keeps, and a rebuild leaves the snapshot it
/// replaces behind; the garbage collector would otherwise keep the peak committed until its own next full collection
/// (at a million profiles the process held 1.1–1.5 GB after the network's build, of which 0.6 GB was live).
/// </summary>
public static class LargeBuildMemory
{
    /// <summary>Below this many profiles a build's garbage is small enough for the collector's own pace.</summary>
    public const int Threshold = 10_000;

    /// <summary>After a rebuild (a write's), at most this often: each collection stops every request for its length.</summary>
    public static readonly TimeSpan RebuildInterval = TimeSpan.FromMinutes(1);

    private static long s_lastRebuildCollection = long.MinValue / 2;

    /// <summary>
    /// A blocking, compacting full collection that returns free memory to the system, when <paramref name="profiles"/>
    /// is large; its pause is logged (at a million profiles it stops every request for that long). After a
    /// <paramref name="rebuild"/>, at most once every <see cref="RebuildInterval"/>: editors saving often would otherwise
    /// stop every request after each save, and the memory a rebuild leaves is taken again by the next.
    /// </summary>
    public static void GiveBack(int profiles, string what, ILogger logger, bool rebuild = false)
    {
        if (profiles <= Threshold)
        {
            return;
        }
        if (rebuild)
        {
            var last = Interlocked.Read(ref s_lastRebuildCollection);
            if (Environment.TickCount64 - last < RebuildInterval.TotalMilliseconds
                || Interlocked.CompareExchange(ref s_lastRebuildCollection, Environment.TickCount64, last) != last)
            {
                return;
            }
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogInformation("Memory after the {What}'s build given back in {Milliseconds:0} ms: managed heap {HeapMb:0} MB",
            what, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, GC.GetTotalMemory(false) / 1048576.0);
    }
}
