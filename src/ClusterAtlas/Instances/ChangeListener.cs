using ClusterAtlas.Caching;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Network;
using Npgsql;

namespace ClusterAtlas.Instances;

/// <summary>
/// Hears the other instances' changes (<see cref="ChangeBroadcast"/>) on a connection of its own that waits for
/// notifications, and applies each here: the output cache evicts the same tags, the directory and the network are
/// marked stale. When the connection is lost (the server restarted), it connects again by itself, and since whatever
/// was sent meanwhile is lost, it treats everything as changed once it listens again (also right after the start).
/// </summary>
public sealed class ChangeListener(
    ChangeBroadcast broadcast, CacheEviction cache, DirectoryIndex directory, NetworkIndex network, IConfiguration configuration, ILogger<ChangeListener> logger)
    : BackgroundService
{
    private static readonly string[] Everything = [ContentTags.All, ContentTags.Profiles, ContentTags.Vocabularies];
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

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
                await using var connection = new NpgsqlConnection(ListeningConnectionString());
                connection.Notification += (_, notification) => Received(notification.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + ChangeBroadcast.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (failures > 0)
                {
                    logger.LogInformation("Listening to the other instances' changes again");
                }
                failures = 0;
                ChangedElsewhere(Everything);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
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
}
