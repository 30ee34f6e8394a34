using ClusterAtlas.Operations;

namespace ClusterAtlas.Data;

/// <summary>
/// The first build of an in-memory index (the directory, the network) run in the background, so that the platform
/// answers while it is made: started once, and again when asked after one that failed, but not sooner than
/// <see cref="RetryAfter"/> after it (a load balancer's probe every few seconds would otherwise start a whole build
/// each time, and log each failure).
/// </summary>
public sealed class BackgroundBuild(string what, ILogger logger)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private Task? _running;
    private long _failedAt = long.MinValue;

    /// <summary>The build under way (or one that failed just now), or a new one: a task that ends when it does and never throws.</summary>
    public Task Start(Func<CancellationToken, Task> build, CancellationToken stopping)
    {
        lock (_lock)
        {
            if (_running is { } running && (!running.IsCompleted || Environment.TickCount64 - _failedAt < RetryAfter.TotalMilliseconds))
            {
                return running;
            }
            return _running = Task.Run(async () =>
            {
                try
                {
                    await build(stopping);
                    return;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                }
                catch (Exception error) when (DatabaseOutage.IsUnavailable(error))
                {
                    logger.LogWarning("The {What} could not be built yet, the database is unavailable: {Reason}", what, (error.InnerException ?? error).Message);
                }
                catch (Exception error)
                {
                    logger.LogError(error, "The {What} could not be built", what);
                }
                _failedAt = Environment.TickCount64;
            }, CancellationToken.None);
        }
    }
}
