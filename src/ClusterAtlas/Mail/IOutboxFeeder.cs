namespace ClusterAtlas.Mail;

/// <summary>
/// Work that turns stored events into queued mail (notifications, digests), run by the outbox worker before each
/// delivery round, in a scope of its own. Each feeder claims its rows so that several instances may run it at once.
/// </summary>
public interface IOutboxFeeder
{
    Task FeedAsync(CancellationToken cancellationToken);
}
