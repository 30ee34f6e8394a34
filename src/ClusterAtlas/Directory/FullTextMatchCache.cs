using System.Collections.Concurrent;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Recent full-text matches by query text, for the current directory snapshot: people type the same common words
/// ("cluster", "innovation"), and those are the costly ones.
/// Kept as bitsets over the snapshot's entries, so every entry costs the same whatever the words match (125 KB at a
/// million profiles): kept as ids, a few common words at a million filled the cache and evicted everything else.
/// </summary>
public sealed class FullTextMatchCache
{
    // Bounded by bytes: 512 queries at a million profiles, 5,000 at 100,000.
    private const long MaxBytes = 64L * 1024 * 1024;
    private ConcurrentDictionary<(long Generation, string Key), TextMatches> _entries = new();
    private long _bytes;
    private long _generation;

    public async Task<TextMatches> GetOrAddAsync(DirectorySnapshot snapshot, string key, Func<Task<List<int>>> match)
    {
        if (Volatile.Read(ref _entries).TryGetValue((snapshot.Generation, key), out var cached))
        {
            return cached;
        }
        var matches = snapshot.MatchesOf(await match());
        if (snapshot.Generation < Interlocked.Read(ref _generation))
        {
            // An older snapshot's (another page of a search that began before a refresh): not kept, and not clearing the newer ones.
            return matches;
        }
        var bytes = matches.Bits.LongLength * sizeof(ulong);
        // A newer snapshot makes the older one's bitsets useless: they go at once rather than when the cache is full.
        if (Interlocked.Exchange(ref _generation, snapshot.Generation) != snapshot.Generation || Interlocked.Add(ref _bytes, bytes) > MaxBytes)
        {
            // An empty one in its place rather than Clear, which takes every lock of the dictionary (BoundedCache).
            Volatile.Write(ref _entries, new ConcurrentDictionary<(long Generation, string Key), TextMatches>());
            Interlocked.Exchange(ref _bytes, bytes);
        }
        Volatile.Read(ref _entries)[(snapshot.Generation, key)] = matches;
        return matches;
    }
}
