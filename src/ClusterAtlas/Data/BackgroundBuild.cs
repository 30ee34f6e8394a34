using ClusterAtlas.Operations;

namespace ClusterAtlas.Data;

/// <summary>
/// The first build of an in-memory index (the directory, the network) run in the background, so that the platform
/// answers while it is made: started once, and again when asked after one that failed.
/// </summary>
public sealed class BackgroundBuild(string what, ILogger logger)
{
    private readonly Lock _lock = new();
    private Task? _running;

    /// <summary>The build under way, or a new one: a task that ends when it does and never throws.</summary>
    public Task Start(Func<CancellationToken, Task> build, CancellationToken stopping)
    {
        lock (_lock)
        {
            if (_running is { IsCompleted: false })
            {
                return _running;
            }
            return _running = Task.Run(async () =>
            {
                try
                {
                    await build(stopping);
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
            }, CancellationToken.None);
        }
    }
}
