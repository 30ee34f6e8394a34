using Microsoft.AspNetCore.OutputCaching;

namespace ClusterAtlas.Caching;

/// <summary>
/// The output cache's store, refusing an answer when content changed while it was made: a page that read the old
/// profile just before a save would otherwise be stored just after the save's eviction and shown until it expired.
/// The generation at the request's start is noted by <see cref="CachingFeature"/>'s middleware before the output cache runs.
/// </summary>
public sealed class GenerationCheckedStore(IOutputCacheStore inner, ContentGeneration generation) : IOutputCacheStore
{
    private static readonly AsyncLocal<long?> GenerationAtStart = new();

    /// <summary>Notes the generation at the start of a request (flows to the store's calls within it).</summary>
    public static void NoteRequestStart(long generation) => GenerationAtStart.Value = generation;

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var atStart = GenerationAtStart.Value;
        if (atStart is null || atStart.Value != generation.Value)
        {
            return ValueTask.CompletedTask;
        }
        return inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}
