using Microsoft.Extensions.Options;

namespace ClusterAtlas.Mail;

/// <summary>
/// The background job behind the outbox: runs the feeders (notifications become mail) and a delivery round, then waits
/// for a save that queued something or for the poll interval. What is in the table when the process stops or crashes
/// is delivered after the next start, by this or another instance.
/// </summary>
public sealed class MailOutboxWorker(IServiceScopeFactory scopes, MailSignal signal, IOptions<OutboxOptions> options, ILogger<MailOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Deliver)
        {
            logger.LogInformation("This instance does not deliver mail (ClusterAtlas:Outbox:Deliver is false): messages wait in the outbox");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A database briefly away must not end delivery; the next round tries again.
                logger.LogError(error, "A round of the mail outbox failed");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var feeder in scope.ServiceProvider.GetServices<IOutboxFeeder>())
        {
            try
            {
                await feeder.FeedAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One feeder's trouble must not hold back the mail already queued.
                logger.LogError(error, "{Feeder} failed to queue its mail", feeder.GetType().Name);
            }
        }
        await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunAsync(stoppingToken);
    }
}
