using Microsoft.AspNetCore.OutputCaching;

namespace ClusterAtlas.Caching;

/// <summary>
/// The one way to tell the output cache that content changed: every write path (the save interceptor, the directory's
/// stale mark, set-based writes) ends here, so a later way of telling other instances has one place to hook into.
/// Each eviction also moves the <see cref="ContentGeneration"/>, so that an answer rendered from data read before the
/// write is not stored after it (<see cref="GenerationCheckedStore"/>). The other instances on the same PostgreSQL
/// database are told the same tags (<see cref="Instances.ChangeBroadcast"/>, docs/decisions/0028).
/// </summary>
public sealed class CacheEviction(IOutputCacheStore store, ContentGeneration generation, Instances.ChangeBroadcast instances, ILogger<CacheEviction> logger)
{
    public void Evict(params IEnumerable<string> tags) => instances.Publish(EvictHere(tags));

    /// <summary>Evicts in this process only: what another instance's change asks of this one.</summary>
    public IReadOnlyList<string> EvictHere(IEnumerable<string> tags)
    {
        var distinct = tags.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return distinct;
        }
        // First the generation, then the entries: an answer being stored now is either refused or evicted.
        generation.Advance();
        foreach (var tag in distinct)
        {
            var eviction = store.EvictByTagAsync(tag, CancellationToken.None);
            if (!eviction.IsCompletedSuccessfully)
            {
                // The in-memory store finishes at once; a remote one is awaited in the background and its failure logged.
                _ = LogFailureAsync(eviction.AsTask(), tag);
            }
        }
        return distinct;
    }

    private async Task LogFailureAsync(Task eviction, string tag)
    {
        try
        {
            await eviction;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Evicting the output cache's {Tag} answers failed", tag);
        }
    }
}
