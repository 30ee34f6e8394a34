using ClusterAtlas.ClusterDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Data;

/// <summary>
/// Keeps SQLite's query planner informed (<c>PRAGMA optimize</c>, sampled by <c>analysis_limit</c>): without statistics
/// it guessed that the status index narrows a profile query more than the unique slug does, and at a million profiles
/// the partner names of a profile page (a slug list among the published) read every published profile, 5 s on a cold
/// cache. Run once the directory is built (a new file is analysed then, 4–12 s at a million profiles, writes waiting
/// meanwhile; the figures stay in the file) and every six hours after, which analyses again only the tables that
/// changed much.
/// </summary>
public sealed class SqlitePlannerStatistics(IServiceScopeFactory scopes, DirectoryIndex directory, IOptions<ClusterAtlasOptions> options, ILogger<SqlitePlannerStatistics> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Database != DatabaseProvider.Sqlite)
        {
            return;
        }
        await directory.StartBuilding(stoppingToken);
        // A thousand rows sampled per index: enough for the planner's choices, a bounded cost whatever the size. Each run
        // looks at every table (0x10000: plain "optimize" looks only at those this connection has read, and connections
        // are pooled) and analyses those without figures or much changed since (0x2).
        const string pragma = "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;";
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
                var started = TimeProvider.System.GetTimestamp();
                await db.Database.ExecuteSqlRawAsync(pragma, stoppingToken);
                logger.LogInformation("SQLite's planner statistics brought up to date in {Elapsed:N0} ms", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A read-only or full folder: the planner guesses as before, and the next run tries again.
                logger.LogWarning("SQLite's planner statistics could not be updated: {Reason}", error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
