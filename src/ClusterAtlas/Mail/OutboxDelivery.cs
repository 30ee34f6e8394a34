using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClusterAtlas.Mail;

/// <summary>
/// One round of delivery: each due message is claimed with a conditional UPDATE (a lease, so that of several
/// instances one sends it), sent through <see cref="IMailSender"/>, then marked sent; a failure sets the next attempt
/// further off, and after the last attempt the message is given up and logged. A permanent refusal of the recipient
/// (a bounce) is given up at once and told to the <see cref="IMailBounceHandler"/>s.
/// </summary>
public sealed class OutboxDelivery(ClusterAtlasDbContext db, IMailSender sender, TimeProvider clock, IOptions<OutboxOptions> options, IEnumerable<IMailBounceHandler> bounceHandlers, ILogger<OutboxDelivery> logger)
{
    /// <summary>Long enough for a slow SMTP server; a crash while sending frees the message after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan LongestPause = TimeSpan.FromHours(6);

    /// <summary>Delivers what is due now; returns how many messages were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(100)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            sent += await DeliverAsync(id, cancellationToken) ? 1 : 0;
        }
        return sent;
    }

    private async Task<bool> DeliverAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now + Lease;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.SentAt == null && m.GaveUpAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false; // another instance has it
        }
        var row = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            using var stream = new MemoryStream(row.Content);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            // Once the sending started it is finished, so that a stop does not cut a message in half and send it again.
            await sender.SendAsync(message, CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await FailedAsync(row, error);
            return false;
        }
        await db.Set<OutboxMessage>().Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        return true;
    }

    private async Task FailedAsync(OutboxMessage row, Exception error)
    {
        var now = clock.GetUtcNow();
        var text = error.Message.Length > OutboxMessage.MaxErrorLength ? error.Message[..OutboxMessage.MaxErrorLength] : error.Message;
        if (MailBounce.IsPermanentRefusal(error))
        {
            // The server refused the recipient for good: trying again would be refused the same way.
            logger.LogWarning("The mail server refused {To} permanently for \"{Subject}\" (outbox message {Id}): {Error}", row.ToAddress, row.Subject, row.Id, text);
            await db.Set<OutboxMessage>().Where(m => m.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.GaveUpAt, now).SetProperty(m => m.BouncedAt, now).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, text), CancellationToken.None);
            foreach (var handler in bounceHandlers)
            {
                await handler.BouncedAsync(row.ToAddress, CancellationToken.None);
            }
            return;
        }
        if (row.Attempts >= options.Value.MaxAttempts)
        {
            logger.LogError(error, "Sending \"{Subject}\" to {To} failed {Attempts} times; it is given up (outbox message {Id})", row.Subject, row.ToAddress, row.Attempts, row.Id);
            await db.Set<OutboxMessage>().Where(m => m.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.GaveUpAt, now).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, text), CancellationToken.None);
            return;
        }
        var pause = RetryPause(row.Attempts);
        logger.LogWarning(error, "Sending \"{Subject}\" failed (attempt {Attempts}); trying again in {Pause}", row.Subject, row.Attempts, pause);
        await db.Set<OutboxMessage>().Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now + pause).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, text), CancellationToken.None);
    }

    /// <summary>The pause after <paramref name="attempts"/> failed attempts: the first pause, doubled each time, at most six hours.</summary>
    public TimeSpan RetryPause(int attempts)
    {
        var pause = options.Value.FirstRetryAfter * Math.Pow(2, Math.Max(0, attempts - 1));
        return pause > LongestPause ? LongestPause : pause;
    }
}
