using ClusterAtlas.Caching;
using ClusterAtlas.Data;

namespace ClusterAtlas.Tests.Caching;

/// <summary>
/// The caches of search counts, word matches, profile views and small reads keep at most their capacity, let go of
/// everything at once when full; the thread-pool minimum is raised while a build holds it.
/// </summary>
public sealed class BoundedCacheTests
{
    [Fact]
    public void A_full_cache_starts_again_empty_with_the_entry_that_did_not_fit()
    {
        var cache = new BoundedCache<string, int>(3, StringComparer.OrdinalIgnoreCase);
        cache.Set("one", 1);
        cache.Set("two", 2);
        cache.Set("three", 3);
        Assert.True(cache.TryGetValue("ONE", out var one) && one == 1);

        cache.Set("four", 4);
        Assert.False(cache.TryGetValue("one", out _));
        Assert.False(cache.TryGetValue("three", out _));
        Assert.True(cache.TryGetValue("four", out var four) && four == 4);
    }

    [Fact]
    public void Many_writers_at_once_never_leave_more_than_the_capacity_and_every_reader_finds_a_value_or_none()
    {
        var cache = new BoundedCache<int, int>(100);
        Parallel.For(0, 20_000, i =>
        {
            cache.Set(i, i * 2);
            if (cache.TryGetValue(i - 1, out var earlier))
            {
                Assert.Equal((i - 1) * 2, earlier);
            }
        });
        var kept = Enumerable.Range(0, 20_000).Count(i => cache.TryGetValue(i, out _));
        Assert.InRange(kept, 1, 100 + Environment.ProcessorCount);
    }

    [Fact]
    public void The_thread_minimum_is_raised_while_a_build_holds_it_and_each_hold_is_given_back_once()
    {
        // Other tests' applications build their directories meanwhile (the count is the process's): only what this
        // test's own holds do is certain.
        var first = BuildThreads.Hold();
        var second = BuildThreads.Hold();
        ThreadPool.GetMinThreads(out var during, out _);
        Assert.True(during >= 16, $"{during} threads while building");
        Assert.True(BuildThreads.Builds >= 2);
        first.Dispose();
        first.Dispose();
        second.Dispose();
        Assert.True(BuildThreads.Builds >= 0, "a hold was given back twice");
    }
}
