using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The full-text half of search, one implementation per database: it keeps a text index of published profiles
/// in the same database (written in the same transaction as the profile) and answers which profiles match.
/// Facets, sorting and paging happen in memory (see <see cref="DirectoryIndex"/>).
/// </summary>
public interface IFullTextEngine
{
    Task EnsureCreatedAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken);
    Task<int> CountAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken);
    Task UpsertAsync(ClusterAtlasDbContext db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);
    Task RemoveAsync(ClusterAtlasDbContext db, IReadOnlyList<int> profileIds, CancellationToken cancellationToken);
    Task<List<int>> MatchAsync(ClusterAtlasDbContext db, SearchText text, CancellationToken cancellationToken);

    /// <summary>Whether one profile matches: a probe that reads one document, where <see cref="MatchAsync"/> reads every match.</summary>
    Task<bool> MatchesAsync(ClusterAtlasDbContext db, SearchText text, int profileId, CancellationToken cancellationToken);
    Task<Dictionary<int, string>> OriginalTextAsync(ClusterAtlasDbContext db, IReadOnlyList<int> profileIds, CancellationToken cancellationToken);
}
