using System.Threading.Channels;
using MimeKit;

namespace ClusterAtlas.Mail;

/// <summary>Delivers queued messages one at a time through the configured sender, trying three times before it logs the loss.</summary>
public sealed class MailOutboxWorker(MailOutbox queue, IMailSender sender, ILogger<MailOutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read until the queue is completed on stop, so that messages accepted before the stop still go out.
        await foreach (var message in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await DeliverAsync(message, stoppingToken);
            }
            finally
            {
                queue.Done();
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await sender.SendAsync(message, CancellationToken.None);
                return;
            }
#pragma warning disable CA1031 // Any failure of the mail server is logged; the worker must go on with the next message.
            catch (Exception error) when (attempt < Pauses.Length && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(error, "Sending \"{Subject}\" failed; trying again in {Pause}", message.Subject, Pauses[attempt]);
                await Task.Delay(Pauses[attempt], CancellationToken.None);
            }
            catch (Exception error)
            {
                logger.LogError(error, "Sending \"{Subject}\" to {To} failed; the message is lost", message.Subject, message.To);
                return;
            }
#pragma warning restore CA1031
        }
    }
}
