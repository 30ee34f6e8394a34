using ClusterAtlas.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClusterAtlas.Instances;

/// <summary>
/// Tells the other instances on the same PostgreSQL database what this one changed: the output cache's tags of every
/// eviction, sent with <c>pg_notify</c> on <see cref="Channel"/> after the write (<see cref="ChangeListener"/> receives
/// them). Sending is in the background and never delays the write; tags that could not be sent (the server away) are
/// kept and sent with the next ones. On SQLite (one instance by design) nothing is sent. See docs/decisions/0028.
/// </summary>
public sealed class ChangeBroadcast(IOptions<ClusterAtlasOptions> options, IConfiguration configuration, ILogger<ChangeBroadcast> logger) : IAsyncDisposable
{
    public const string Channel = "clusteratlas_changes";

    /// <summary>PostgreSQL refuses payloads of 8,000 bytes or more; far more tags than exist fit below this.</summary>
    private const int MaxPayload = 7_000;

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FlushOnStop = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private Task _sending = Task.CompletedTask;
    private bool _draining;

    /// <summary>Tells this process's own notifications apart from the others' (each instance hears its own too).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public bool Enabled => options.Value.Database == DatabaseProvider.Postgres;

    public void Publish(IReadOnlyCollection<string> tags)
    {
        if (tags.Count == 0 || !Enabled)
        {
            return;
        }
        lock (_lock)
        {
            _pending.UnionWith(tags);
            if (_draining)
            {
                return; // the running sender takes them with its next round
            }
            _draining = true;
            _sending = Task.Run(DrainAsync);
        }
    }

    /// <summary>The payload: the sender's id, a space, the tags separated by commas.</summary>
    public string Payload(IEnumerable<string> tags)
    {
        var payload = InstanceId + " " + string.Join(',', tags);
        return payload.Length <= MaxPayload ? payload : InstanceId + " " + Caching.ContentTags.All;
    }

    /// <summary>The tags of a payload from another instance; null for this instance's own or one it cannot read.</summary>
    public IReadOnlyList<string>? TagsFromElsewhere(string payload)
    {
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || payload.AsSpan(0, space).SequenceEqual(InstanceId))
        {
            return null;
        }
        return payload[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private async Task DrainAsync()
    {
        var failures = 0;
        while (true)
        {
            string[] tags;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _draining = false;
                    return;
                }
                tags = [.. _pending];
                _pending.Clear();
            }
            try
            {
                // The same string as the EF context's: one pool between them, within the instance's limit.
                await using var connection = new NpgsqlConnection(PostgresConnectionString.WithDefaults(configuration.GetConnectionString("Default")!));
                await connection.OpenAsync();
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", Payload(tags));
                await notify.ExecuteNonQueryAsync();
                failures = 0;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The other instances hear nothing until the server is back; what they cache lives no longer than the
                // output cache's duration meanwhile, and their listeners treat a lost connection as "everything changed".
                lock (_lock)
                {
                    _pending.UnionWith(tags);
                }
                failures++;
                logger.LogWarning(error, "Telling the other instances about changed {Tags} failed (attempt {Attempt}); trying again", string.Join(',', tags), failures);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, failures)));
            }
        }
    }

    /// <summary>On stop (the command line's imports end so too), what is still unsent gets a few seconds to go out.</summary>
    public async ValueTask DisposeAsync()
    {
        Task sending;
        lock (_lock)
        {
            sending = _sending;
        }
        try
        {
            await sending.WaitAsync(FlushOnStop);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Stopped before the other instances could be told of every change; they see it within the output cache's duration");
        }
    }
}
