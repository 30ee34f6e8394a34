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
    NetworkLinker linker, NetworkIndex network, TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    public async Task<ProfileWrite> BeginAsync(CancellationToken cancellationToken) =>
        new(db, searchIndex, directory, linker, network, await db.Database.BeginTransactionAsync(cancellationToken), clock.GetUtcNow());

    /// <summary>The diff between two versions of a profile, naming terms and countries: what a revision records.</summary>
    public async Task<ProfileDiff> DiffAsync(CancellationToken cancellationToken) =>
        new(await db.VocabularyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Label, cancellationToken), countries, T);
}
