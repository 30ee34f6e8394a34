namespace ClusterAtlas.Data;

/// <summary>
/// More thread-pool threads at once while the directory or the network is built in the background, the pool's own
/// minimum otherwise. A build holds threads for seconds (a minute at a million profiles after a start), and with one
/// thread per core requests queued behind it until the pool added threads, half a second at a time: a 404 took 7 s
/// during a build at a million profiles, 0.7 s with 16 threads. Sixteen threads all the time made the steady state
/// worse: on two cores the threads took turns, and one preempted while it held a lock (the SQLite connection pool's)
/// kept the others waiting; varied searches at 100,000 profiles ran at 541-749 a second with it and 1,103-1,264 without
/// (decision record 0040).
/// </summary>
public static class BuildThreads
{
    private const int WhileBuilding = 16;
    private static readonly Lock s_gate = new();
    private static int s_builds;
    private static int s_ownWorkers = -1;
    private static int s_ownCompletionPorts;

    /// <summary>How many builds hold the raised minimum now.</summary>
    internal static int Builds => Volatile.Read(ref s_builds);

    /// <summary>Raises the minimum until the returned value is disposed (builds may overlap: the last one lowers it).</summary>
    public static IDisposable Hold()
    {
        lock (s_gate)
        {
            if (s_builds++ == 0)
            {
                ThreadPool.GetMinThreads(out var workers, out var completionPorts);
                if (s_ownWorkers < 0)
                {
                    (s_ownWorkers, s_ownCompletionPorts) = (workers, completionPorts);
                }
                ThreadPool.SetMinThreads(Math.Max(s_ownWorkers, WhileBuilding), completionPorts);
            }
        }
        return new Held();
    }

    private sealed class Held : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }
            lock (s_gate)
            {
                if (--s_builds == 0)
                {
                    ThreadPool.SetMinThreads(s_ownWorkers, s_ownCompletionPorts);
                    // Lowering the minimum leaves the pool's goal (how many threads it keeps at work) where raising it put
                    // the goal, and the steady state ran with sixteen threads still; a maximum at the minimum for a
                    // moment brings the goal down, and threads above it stop as they finish their work.
                    ThreadPool.GetMaxThreads(out var maxWorkers, out var maxCompletionPorts);
                    ThreadPool.SetMaxThreads(Math.Max(s_ownWorkers, Environment.ProcessorCount), maxCompletionPorts);
                    ThreadPool.SetMaxThreads(maxWorkers, maxCompletionPorts);
                }
            }
        }
    }
}
