using ClusterAtlas.Caching;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Network;
using Npgsql;

namespace ClusterAtlas.Instances;

/// <summary>
/// Hears the other instances' changes (<see cref="ChangeBroadcast"/>) on a connection of its own that waits for
/// notifications, and applies each here: the output cache evicts the same tags, the directory and the network are
/// marked stale. It listens before the server takes requests; when the connection is lost (the server restarted), it
/// connects again by itself, and since whatever was sent meanwhile is lost, it then treats everything as changed.
/// </summary>
public sealed class ChangeListener(
    ChangeBroadcast broadcast, CacheEviction cache, DirectoryIndex directory, NetworkIndex network, IConfiguration configuration, ILogger<ChangeListener> logger)
    : BackgroundService
{
    private static readonly string[] Everything = [ContentTags.All, ContentTags.Profiles, ContentTags.Vocabularies];
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private NpgsqlConnection? _listeningSinceStart;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (broadcast.Enabled)
        {
            try
            {
                _listeningSinceStart = await ListenAsync(cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Cannot listen to the other instances' changes yet; trying again in the background");
            }
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!broadcast.Enabled)
        {
            return; // SQLite: one instance, nobody else to hear
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = _listeningSinceStart;
                _listeningSinceStart = null;
                if (connection is null)
                {
                    connection = await ListenAsync(stoppingToken);
                    logger.LogInformation("Listening to the other instances' changes again: everything counts as changed");
                    ChangedElsewhere(Everything);
                }
                await using (connection)
                {
                    failures = 0;
                    while (true)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                failures++;
                logger.LogWarning(error, "Listening to the other instances' changes failed (attempt {Attempt}); connecting again", failures);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, failures)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ListeningConnectionString());
        try
        {
            connection.Notification += (_, notification) => Received(notification.Payload);
            await connection.OpenAsync(cancellationToken);
            await using var listen = new NpgsqlCommand("LISTEN " + ChangeBroadcast.Channel, connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A connection of its own (not from the pool, which would hand it to others) that sends a keepalive query when
    /// idle, so that a server gone away ends the wait with an error instead of leaving it deaf.
    /// </summary>
    private string ListeningConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default")) { Pooling = false };
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 10;
        }
        return builder.ConnectionString;
    }

    private void Received(string payload)
    {
        if (broadcast.TagsFromElsewhere(payload) is { Count: > 0 } tags)
        {
            ChangedElsewhere(tags);
        }
    }

    /// <summary>What a write on another instance changed, applied here as a write here would (without telling the others again).</summary>
    private void ChangedElsewhere(IReadOnlyCollection<string> tags)
    {
        var vocabularies = tags.Contains(ContentTags.Vocabularies);
        if (vocabularies || tags.Contains(ContentTags.Profiles))
        {
            directory.ChangedElsewhere(vocabularies);
            network.MarkStale();
        }
        cache.EvictHere(tags);
    }

    public override void Dispose()
    {
        _listeningSinceStart?.Dispose();
        base.Dispose();
    }
}
