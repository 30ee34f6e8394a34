using System.Collections.Concurrent;

namespace ClusterAtlas.Caching;

/// <summary>
/// Results kept for reuse, at most <c>capacity</c> of them, all let go at once when it is full. Reads take no lock,
/// and neither does knowing it is full: a ConcurrentDictionary's Count and Clear take every one of its locks, and with
/// them on every search that was not kept, 64 readers at once on two cores spent 40 % of their threads' time queued
/// on those locks (a trace of varied searches at 100,000 profiles, decision record 0040).
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private int _added;

    public bool TryGetValue(TKey key, out TValue value) => Volatile.Read(ref _entries).TryGetValue(key, out value!);

    public void Set(TKey key, TValue value)
    {
        var entries = Volatile.Read(ref _entries);
        if (Interlocked.Increment(ref _added) > capacity)
        {
            // Full: an empty one in its place (readers still holding the old one finish with it).
            entries = new ConcurrentDictionary<TKey, TValue>(comparer);
            Volatile.Write(ref _entries, entries);
            Interlocked.Exchange(ref _added, 1);
        }
        entries[key] = value;
    }
}
