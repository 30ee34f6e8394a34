using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Recent full-text matches by query text, for the current state of the directory: people type the same
/// common words ("cluster", "innovation"), and those are the costly ones.
/// </summary>
public sealed class FullTextMatchCache
{
    // Bounded by the ids held, not the number of queries: a common word can match every profile.
    private const long MaxIds = 4_000_000;
    private readonly ConcurrentDictionary<(DateTimeOffset, string), int[]> _entries = new();
    private long _ids;

    public async Task<IReadOnlyCollection<int>> GetOrAddAsync(DateTimeOffset version, string key, Func<Task<List<int>>> match)
    {
        if (_entries.TryGetValue((version, key), out var cached))
        {
            return cached;
        }
        var ids = (await match()).ToArray();
        if (Interlocked.Add(ref _ids, ids.Length) > MaxIds)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _ids, ids.Length);
        }
        _entries[(version, key)] = ids;
        return ids;
    }
}
