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
