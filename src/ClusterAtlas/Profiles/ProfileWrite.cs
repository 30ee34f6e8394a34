using System.Linq.Expressions;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Network;
using ClusterAtlas.Profiles.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Profiles;

/// <summary>
/// One write of profile content in progress (from <see cref="ProfileWrites.BeginAsync"/>): its transaction, its time
/// and the profiles it wrote. Rows saved through the change tracker are stamped by the timestamps interceptor; set-based
/// writes (decisions, bulk inserts) take <see cref="At"/>. <see cref="CommitAsync"/> saves, indexes the written
/// profiles and matches their collaborations (and other profiles' that could name them) in the same transaction,
/// commits, and then marks the directory and the network stale. Disposed without a commit, nothing
/// of it is kept.
/// </summary>
public sealed class ProfileWrite(ClusterAtlasDbContext db, SearchIndexWriter searchIndex, DirectoryIndex directory, NetworkLinker linker, NetworkIndex network,
    IDbContextTransaction transaction, DateTimeOffset at) : IAsyncDisposable
{
    private readonly List<ClusterOrganisation> _written = [];
    private readonly HashSet<int> _writtenIds = [];
    private readonly List<ClusterOrganisation> _loaded = [];
    private NetworkMatching _matching = NetworkMatching.Written;

    private enum NetworkMatching { Written, Deferred, Everything }

    /// <summary>When the write happens: the time stamped on what it writes without the change tracker.</summary>
    public DateTimeOffset At => at;

    /// <summary>Names a profile this write changes, created or deleted, for the search index (its id may come with the save).</summary>
    public void Wrote(ClusterOrganisation profile) => _written.Add(profile);

    public void Wrote(IEnumerable<int> profileIds) => _writtenIds.UnionWith(profileIds);

    /// <summary>Profiles written in bulk and in memory with their terms: indexed as they are, without reading them back.</summary>
    public void WroteLoaded(IEnumerable<ClusterOrganisation> profiles) => _loaded.AddRange(profiles);

    /// <summary>
    /// Leaves the matching of collaborations to a later write that calls <see cref="MatchWholeNetwork"/>: a bulk load in
    /// batches that matched every collaboration after each batch took time growing with the square of its size.
    /// </summary>
    public void DeferNetworkMatching() => _matching = NetworkMatching.Deferred;

    /// <summary>Matches every profile's collaborations in this write (after a bulk load that deferred it).</summary>
    public void MatchWholeNetwork() => _matching = NetworkMatching.Everything;

    /// <summary>After a commit that deferred matching: the profiles it wrote, for <see cref="ProfileWrites.MatchNetworkOfAsync"/>.</summary>
    public IReadOnlyList<int> LeftUnmatched { get; private set; } = [];

    /// <summary>
    /// Records a change of <paramref name="profile"/>'s content from <paramref name="before"/> to <paramref name="after"/>
    /// as a revision (who, when, which fields, both versions) and gives the profile a new concurrency token, which the
    /// revision keeps so that a later save can merge against it. Nothing is recorded when nothing changed.
    /// </summary>
    public ProfileRevision? Revise(ClusterOrganisation profile, ProfileForm before, ProfileForm after, IReadOnlyCollection<FieldChange> changes,
        RevisionAuthor author, RevisionKind kind, long? revertsRevisionId = null)
    {
        Wrote(profile);
        if (changes.Count == 0 && kind != RevisionKind.Created)
        {
            return null;
        }
        profile.ConcurrencyToken = Guid.NewGuid();
        var revision = new ProfileRevision
        {
            ClusterOrganisation = profile,
            AuthorUserId = author.UserId,
            AuthorName = author.Name,
            CreatedAt = at,
            Kind = kind,
            ProfileStatus = profile.Status,
            TokenAfter = profile.ConcurrencyToken,
            ChangedFields = string.Join(", ", changes.Select(c => c.Property)),
            BeforeJson = before.ToJson(),
            AfterJson = after.ToJson(),
            RevertsRevisionId = revertsRevisionId,
        };
        db.ProfileRevisions.Add(revision);
        return revision;
    }

    /// <summary>
    /// A set-based update of one profile on a condition (a decision that must not race another), stamped with
    /// <see cref="At"/>. True when the profile met the condition and was updated.
    /// </summary>
    public async Task<bool> UpdateAsync(int profileId, Expression<Func<ClusterOrganisation, bool>> condition,
        Action<UpdateSettersBuilder<ClusterOrganisation>> setters, CancellationToken cancellationToken)
    {
        var updated = await db.ClusterOrganisations.Where(p => p.Id == profileId).Where(condition)
            .ExecuteUpdateAsync(s =>
            {
                setters(s);
                s.SetProperty(p => p.UpdatedAt, at);
            }, cancellationToken);
        if (updated > 0)
        {
            _writtenIds.Add(profileId);
        }
        return updated > 0;
    }

    /// <summary>Saves what the change tracker holds, in this write's transaction (a concurrency conflict surfaces here).</summary>
    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var ids = _written.Select(p => p.Id).Concat(_writtenIds).Except(_loaded.Select(p => p.Id)).Distinct().ToList();
        if (ids.Count > 0)
        {
            await searchIndex.IndexAsync(db, ids, cancellationToken);
        }
        if (_loaded.Count > 0)
        {
            await searchIndex.IndexLoadedAsync(db, _loaded, cancellationToken);
        }
        var matched = ids.Concat(_loaded.Select(p => p.Id)).Distinct().ToList();
        var matchedAny = _matching switch
        {
            NetworkMatching.Everything => true,
            NetworkMatching.Written => matched.Count > 0,
            _ => false,
        };
        var wholeNetwork = _matching == NetworkMatching.Everything || (matchedAny && matched.Count > NetworkLinker.IncrementalLimit);
        if (wholeNetwork)
        {
            await linker.UpdateAllAsync(cancellationToken);
        }
        else if (matchedAny)
        {
            await linker.UpdateForAsync(matched, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (_matching == NetworkMatching.Deferred)
        {
            LeftUnmatched = matched;
        }
        directory.MarkStale();
        // A deferred write's profiles stay unmatched in the database (their match time differs) until the write that
        // matches the whole network, or the network index, matches them.
        if (matchedAny)
        {
            network.MarkStale();
        }
    }

    public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
