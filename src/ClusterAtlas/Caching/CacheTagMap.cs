using System.Collections.Frozen;

namespace ClusterAtlas.Caching;

/// <summary>A feature's statement of which cached answers a write of one of its entity types changes (none: not shown to readers).</summary>
public sealed record CacheTagDeclaration(Type EntityType, IReadOnlyList<string> Tags);

/// <summary>
/// Which tags a write of an entity type evicts, as the features declared (<see cref="CachingFeature.AddCacheTags{T}"/>).
/// An entity type no feature declared evicts every cached answer: a new feature's writes are correct before anyone
/// thinks of the cache, and only cheaper once it declares what its rows show.
/// </summary>
public sealed class CacheTagMap(IEnumerable<CacheTagDeclaration> declarations)
{
    private static readonly string[] Everything = [ContentTags.All];

    private readonly FrozenDictionary<Type, string[]> _tags = declarations
        .GroupBy(d => d.EntityType)
        .ToFrozenDictionary(g => g.Key, g => g.SelectMany(d => d.Tags).Distinct(StringComparer.Ordinal).ToArray());

    public IReadOnlyList<string> TagsOf(Type entityType) =>
        _tags.TryGetValue(entityType, out var tags) ? tags
            // Identity's own rows (roles, claims, logins, tokens) are accounts: no public page shows them.
            : entityType.Namespace == "Microsoft.AspNetCore.Identity" ? []
            : Everything;
}
