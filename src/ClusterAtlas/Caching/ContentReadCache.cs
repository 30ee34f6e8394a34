using Microsoft.Extensions.Options;

namespace ClusterAtlas.Caching;

/// <summary>
/// Small results of public reads (a profile's coming events, the home page's latest news) kept in memory until content
/// changes, so that rendering a page costs no query. An entry belongs to the <see cref="ContentGeneration"/> read before
/// it was loaded: every eviction moves the generation, so a write (or one that happened while the entry was loading)
/// makes it stale. Entries also age out after the output cache's duration, which bounds what only time changes (an
/// event that ended, a call whose deadline passed) as it bounds the cached pages.
/// Only what every reader may see belongs here: nothing of one user.
/// </summary>
public sealed class ContentReadCache(ContentGeneration generation, TimeProvider clock, IOptions<OutputCacheSettings> settings)
{

    private sealed record Entry(long Generation, DateTimeOffset LoadedAt, object? Value);

    // Let go whole when full: a crawler walking every profile must not grow it without bound.
    private readonly BoundedCache<string, Entry> _entries = new(10_000, StringComparer.Ordinal);

    public async Task<T> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = generation.Value;
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == current && now - entry.LoadedAt < settings.Value.Duration)
        {
            return (T)entry.Value!;
        }
        // The generation read before loading: a write during the load leaves the entry stale at once.
        var value = await load(cancellationToken);
        _entries.Set(key, new Entry(current, now, value));
        return value;
    }
}
