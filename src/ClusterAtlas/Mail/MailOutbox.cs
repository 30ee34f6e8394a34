using System.Threading.Channels;
using MimeKit;

namespace ClusterAtlas.Mail;

/// <summary>
/// Messages composed by a request and delivered after its answer (see <see cref="OutgoingMail.QueueAsync"/>). Held in
/// memory: a stop drains it; a crash loses what was not yet delivered, which costs the person a "send it again".
/// </summary>
public sealed class MailOutbox
{
    private readonly Channel<MimeMessage> _messages = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private int _pending;

    /// <summary>Messages accepted and not yet delivered (or given up).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public async ValueTask EnqueueAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            await _messages.Writer.WriteAsync(message, cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }
    }

    internal void Done() => Interlocked.Decrement(ref _pending);

    internal ChannelReader<MimeMessage> Reader => _messages.Reader;

    /// <summary>No more messages: the worker delivers those waiting, then ends.</summary>
    internal void Complete() => _messages.Writer.TryComplete();
}

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
