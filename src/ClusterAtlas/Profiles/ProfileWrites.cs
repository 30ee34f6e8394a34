using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Network;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles;

/// <summary>
/// The one way profile content is written, whoever writes it (the editor, the importer, moderation, the demo
/// generator): <see cref="BeginAsync"/> opens a <see cref="ProfileWrite"/>, one transaction that stamps the time,
/// records revisions, updates the search index and the network links of the profiles it wrote and, after the commit,
/// marks the directory and the network stale.
/// </summary>
public sealed class ProfileWrites(ClusterAtlasDbContext db, CountryList countries, SearchIndexWriter searchIndex, DirectoryIndex directory,
    NetworkLinker linker, NetworkIndex network, TimeProvider clock, IStringLocalizer<SharedResource> T, ILogger<ProfileWrites> logger)
{
    public async Task<ProfileWrite> BeginAsync(CancellationToken cancellationToken) =>
        new(db, searchIndex, directory, linker, network, await db.Database.BeginTransactionAsync(cancellationToken), clock.GetUtcNow());

    /// <summary>
    /// Matches the collaborations of profiles whose writes deferred it (an import of many records or pages), in one write:
    /// one matching for all of them instead of one for each, or the whole network's when they are many. Should this not
    /// happen (the import stopped, or this failed), they stay unmatched in the database and the network's next check
    /// matches them: what the import wrote is kept either way.
    /// </summary>
    public async Task MatchNetworkOfAsync(IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken)
    {
        if (profileIds.Count == 0)
        {
            return;
        }
        try
        {
            await using var write = await BeginAsync(cancellationToken);
            write.MatchNetworkOf(profileIds);
            await write.CommitAsync(cancellationToken);
        }
        catch (Exception error) when (error is DbUpdateException or System.Data.Common.DbException)
        {
            // Another write matching the same links committed first, or the database was busy.
            logger.LogWarning(error, "Matching the collaborations of {Count} imported profiles failed; the network's next check matches them", profileIds.Count);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The diff between two versions of a profile, naming terms and countries: what a revision records.</summary>
    public async Task<ProfileDiff> DiffAsync(CancellationToken cancellationToken) =>
        new(await db.VocabularyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Label, cancellationToken), countries, T);
}
