using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.PartnerSearch;

/// <summary>Runs <see cref="PostingDeadlines"/> now and then, in every instance of the platform.</summary>
public sealed class PostingDeadlineService(IServiceScopeFactory scopes, IOptions<PartnerSearchOptions> options, ILogger<PostingDeadlineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineCheckInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PostingDeadlines>().RunAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The next check tries again; a database that is briefly away must not stop the platform.
                logger.LogError(error, "Checking the partner search deadlines failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
