using System.Runtime.CompilerServices;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>
/// Sixteen thread-pool threads at once for the test process, which runs dozens of installations side by side, each
/// building its directory and network and some waiting on servers and browsers. The platform itself keeps the pool's
/// own minimum and raises it only while it builds (<see cref="ClusterAtlas.Data.BuildThreads"/>); in this process that
/// left the suite starved of threads (12 minutes instead of under 3, and a search that found the directory behind).
/// </summary>
internal static class TestProcessThreads
{
#pragma warning disable CA2255 // The suite is the one user of this assembly: its process is set up once, before any test.
    [ModuleInitializer]
    internal static void Configure()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completionPorts);
    }
#pragma warning restore CA2255
}
