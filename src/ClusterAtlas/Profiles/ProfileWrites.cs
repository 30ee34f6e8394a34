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
    /// Matches the collaborations of profiles whose writes deferred it (an import of many records or pages): one matching
    /// for all of them instead of one for each, or the whole network's when they are more than the incremental limit.
    /// Like the network's own check, and unlike a write, it holds no transaction around the matching: on SQLite that
    /// would keep every other write waiting for all of it. The links are saved in one transaction and only versions not
    /// changed meanwhile are marked matched. Should this not happen (the import stopped, this was cancelled or failed),
    /// the profiles stay unmatched in the database and the network's next check matches them: what the import wrote is
    /// kept either way.
    /// </summary>
    public async Task MatchNetworkOfAsync(IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken)
    {
        if (profileIds.Count == 0)
        {
            return;
        }
        var started = clock.GetTimestamp();
        int changes;
        try
        {
            changes = profileIds.Count > NetworkLinker.IncrementalLimit
                ? await linker.UpdateAllAsync(cancellationToken)
                : await linker.UpdateForAsync([.. profileIds.Distinct()], cancellationToken);
        }
        catch (Exception error) when (error is DbUpdateException or System.Data.Common.DbException
            || (error is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Another write matching the same links saved first, the database was busy, or the import was stopped.
            logger.LogWarning(error, "Matching the collaborations of {Count} imported profiles did not finish; the network's next check matches them", profileIds.Count);
            db.ChangeTracker.Clear();
            return;
        }
        directory.MarkStale();
        network.MarkStale();
        logger.LogInformation("The collaborations of {Count} imported profiles matched in one go: {Changes} links changed in {Elapsed}",
            profileIds.Count, changes, clock.GetElapsedTime(started));
    }

    /// <summary>The diff between two versions of a profile, naming terms and countries: what a revision records.</summary>
    public async Task<ProfileDiff> DiffAsync(CancellationToken cancellationToken) =>
        new(await db.VocabularyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Label, cancellationToken), countries, T);
}
