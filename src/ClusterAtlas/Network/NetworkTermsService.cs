using System.Diagnostics;

namespace ClusterAtlas.Network;

/// <summary>
/// Makes the terms of stale profiles (<see cref="NetworkTerms"/>) in the background, a batch at a time: after an
/// upgrade every profile, later those written without matching (a bulk load, a change outside the platform). Until
/// then the matching reads such profiles whole, which is right but slower. Runs in every instance: on PostgreSQL a batch
/// skips the profiles another transaction holds (another instance's batch, a write), on SQLite writers take turns.
/// </summary>
public sealed class NetworkTermsService(IServiceScopeFactory scopes, ILogger<NetworkTermsService> logger) : BackgroundService
{
    private const int Batch = 1000;
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not in the way of the start: the directory and the first requests come first.
        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        using var timer = new PeriodicTimer(Pause);
        do
        {
            try
            {
                var total = 0;
                var started = Stopwatch.GetTimestamp();
                int made;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var terms = scope.ServiceProvider.GetRequiredService<NetworkTerms>();
                    var stale = await terms.StaleAsync(Batch, stoppingToken);
                    made = await terms.MakeAsync(stale, stoppingToken);
                    total += made;
                    // A batch whose profiles were all written meanwhile made none: the next tick tries again.
                    if (stale.Count < Batch)
                    {
                        break;
                    }
                }
                while (made > 0 && !stoppingToken.IsCancellationRequested);
                if (total > 0)
                {
                    logger.LogInformation("Network terms made for {Count} profiles in {Elapsed}", total, Stopwatch.GetElapsedTime(started));
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The next tick tries again; a database that is briefly away must not stop the platform.
                logger.LogWarning(error, "Making the network's terms failed; tried again shortly");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
