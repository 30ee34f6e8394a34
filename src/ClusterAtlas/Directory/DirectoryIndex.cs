using ClusterAtlas.Caching;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The directory in memory: every published profile's facet values, kept beside the database and refreshed from
/// it (on start, after writes in this process or another instance's notice of its writes, and every few seconds in any case).
/// Counting facets over the full-text matches in one pass is what keeps search fast at 100,000 profiles
/// (see docs/decisions/0004-directory-search.md).
/// </summary>
/// <remarks>
/// The stale marks are also where the output cache hears of profile and vocabulary writes that bypass the change
/// tracker (decisions, bulk imports, locations): both are told in one place, so they never disagree.
/// </remarks>
public sealed class DirectoryIndex(IServiceScopeFactory scopes, TimeProvider clock, CacheEviction cache, IOptions<ClusterAtlasOptions> options, ILogger<DirectoryIndex> logger) : IDisposable
{
    // A new file at most this often: each costs a pass over every entry.
    private static readonly TimeSpan PersistInterval = TimeSpan.FromMinutes(1);
    private int _persisting;
    private DateTimeOffset _lastPersisted = DateTimeOffset.MinValue;

    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile DirectorySnapshot? _snapshot;
    private DateTimeOffset _lastCheck = DateTimeOffset.MinValue;
    private volatile bool _stale = true;
    private readonly DirectoryLoader _loader = new(scopes);

    /// <summary>
    /// How far before the directory's last change a refresh, or a start from a file, looks again. A write is stamped
    /// before it commits (after its search index and, for a large one, the network's matching), and another instance's
    /// clock may be behind: a write can commit after a later-stamped one was read, with a time before the directory's last
    /// change. It is found by its time differing from the one read with the directory (<see cref="_recentChanges"/>, kept in
    /// the file too), not by being later.
    /// </summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often a check without a notice of writes compares those times (a notice always does); in between it looks
    /// only for later times, with the index on change times, and compares the times as soon as it finds one: after an
    /// import the window holds its profiles until the next write.
    /// </summary>
    private static readonly TimeSpan LookBackInterval = TimeSpan.FromSeconds(30);
    private DateTimeOffset _lastLookBack = DateTimeOffset.MinValue;

    /// <summary>
    /// The change times, read before the current directory's entries were, of the profiles changed within
    /// <see cref="LookBack"/> of its last change (or from further back); null when more than <see cref="MaxTimesKept"/> were.
    /// </summary>
    private Dictionary<int, DateTimeOffset>? _recentChanges;

    /// <summary>
    /// From when a comparison of times was due but the times were too many to read (null when none was missed): the next
    /// comparison reads again every profile changed since, since a late write's time may have left the window meanwhile.
    /// </summary>
    private DateTimeOffset? _uncomparedSince;

    /// <summary>Above this many changed profiles a refresh loads everything again rather than each by its id.</summary>
    private const int MaxChangedToLoad = 10_000;

    /// <summary>Above this many change times in the window they are not read (an import of that many, minutes before).</summary>
    internal const int MaxTimesKept = 200_000;

    /// <remarks>
    /// Cancels the refreshes under way without disposing what they use: one that readers stopped waiting for may still
    /// release the lock or ask for the token after this (neither holds anything the system must be given back).
    /// </remarks>
    public void Dispose() => _stopping.Cancel();

    /// <summary>Ends the refreshes that readers stopped waiting for (<see cref="CurrentOrPreviousAsync"/>) when the platform stops.</summary>
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// How long a reader waits for a refresh after a write before it is given the directory as it was: a few thousand
    /// profiles' refresh takes milliseconds, a million's seconds (every change rebuilds the whole directory).
    /// </summary>
    public static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(1);

    /// <summary>Whether a reader has stopped waiting for the refresh under way: the readers after it do not wait for that one.</summary>
    private volatile bool _refreshFoundSlow;

    /// <summary>
    /// Whether the refresh under way is one after writes (the stale mark is taken off as it starts): its readers wait
    /// for it, or are told they read the directory as it was. (They were given the directory as it was without being
    /// told, and their answers kept in the output cache after the write had emptied it.)
    /// </summary>
    private volatile bool _refreshingAfterWrites;

    /// <summary>Whether the directory has been built since the start: until it is, searches wait for it.</summary>
    public bool IsBuilt => _snapshot is not null;

    private readonly BackgroundBuild _firstBuild = new("directory", logger);

    /// <summary>
    /// Builds the directory in the background unless it is built: the platform answers its other pages meanwhile (at a
    /// million profiles the first build without a directory file takes tens of seconds), and a search waits for it. A
    /// build that failed (the database unreachable) is tried again by the next search or readiness check.
    /// </summary>
    public Task StartBuilding(CancellationToken stopping) => IsBuilt ? Task.CompletedTask : _firstBuild.Start(CurrentAsync, stopping);

    /// <summary>Called after every write in this process, so the next search sees it.</summary>
    public void MarkStale()
    {
        _stale = true;
        cache.Evict(ContentTags.Profiles);
    }

    /// <summary>Called after a change to the vocabularies: the next search rebuilds the facets' terms even if no profile changed.</summary>
    public void MarkVocabularyChanged()
    {
        _vocabularyChanged = true;
        _stale = true;
        cache.Evict(ContentTags.Vocabularies, ContentTags.Profiles);
    }

    private volatile bool _vocabularyChanged;

    /// <summary>Another instance wrote profiles (or vocabularies): the next search looks, without telling the output cache (the caller does).</summary>
    public void ChangedElsewhere(bool vocabularies)
    {
        if (vocabularies)
        {
            _vocabularyChanged = true;
        }
        _stale = true;
    }

    /// <summary>The directory as it is, without looking for changes (null until it is built).</summary>
    public DirectorySnapshot? Latest => _snapshot;

    /// <summary>Raised when a refresh has replaced the directory (not at its first build), on the refreshing thread.</summary>
    public event Action? Changed;

    /// <summary>
    /// The directory for a reader who may be given it as it was: a refresh (after a write in this process, or another
    /// instance's notice) is waited for up to <paramref name="wait"/>, then the directory as it was is given, said to be
    /// <c>Behind</c>, so that the answer is not kept in the output cache; the refresh goes on in the background. Once a
    /// reader's wait has found a refresh slow, the readers after it do not wait for that one. At a million profiles
    /// every search waited 2–4 s after each write while the whole directory was rebuilt. The first build is waited for.
    /// </summary>
    public async Task<(DirectorySnapshot Directory, bool Behind)> CurrentOrPreviousAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        // The marks before the directory: a refresh sets the directory before it takes its mark off, so a reader who
        // finds no mark reads the refreshed directory, never the one before it unmarked.
        if (!_stale && !_refreshingAfterWrites && _snapshot is { } fresh)
        {
            // The look for changes made elsewhere is made in the background: the reader who came when it was due waited
            // for it, and every 30 s for its comparison of change times (0.3 s at 100,000 imported profiles), while
            // the output cache held every other reader of the page behind that one. Writes in this process and
            // other instances' notices mark the directory stale, which readers do wait for.
            if (clock.GetUtcNow() - _lastCheck >= CheckInterval)
            {
                CheckInTheBackground();
            }
            return (fresh, false);
        }
        if (_snapshot is not { } previous)
        {
            return (await CurrentAsync(cancellationToken), false);
        }
        if (_refreshFoundSlow && _refreshLock.CurrentCount == 0)
        {
            return (previous, true);
        }
        // Not on the reader's thread (a refresh's first steps run on its caller's until they wait), nor with its token:
        // a reader who stops waiting, or leaves, does not cancel the refresh for the others.
        var current = Task.Run(() => CurrentAsync(_stopping.Token));
        // A failure nobody waits for any more (the database gone) is logged; the next reader's refresh meets it again.
        _ = current.ContinueWith(failed => logger.LogWarning(failed.Exception?.GetBaseException(), "Refreshing the directory failed; tried again at the next search"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        if (!current.IsCompleted)
        {
            await Task.WhenAny(current, Task.Delay(wait, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (!current.IsCompleted)
            {
                _refreshFoundSlow = true;
                return (previous, true);
            }
        }
        return (await current, false);
    }

    /// <summary>Looks for changes made elsewhere without a reader waiting; one look at a time (the others return at once).</summary>
    private void CheckInTheBackground()
    {
        if (_refreshLock.CurrentCount == 0)
        {
            return;
        }
        var check = Task.Run(() => CurrentAsync(_stopping.Token));
        _ = check.ContinueWith(failed => logger.LogWarning(failed.Exception?.GetBaseException(), "Looking for changes to the directory failed; tried again in a moment"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>
    /// The directory for a request's reader (<see cref="CurrentOrPreviousAsync"/> with <see cref="ReaderWait"/>): an
    /// answer made from the directory as it was is kept out of the output cache.
    /// </summary>
    public async Task<DirectorySnapshot> ForReaderAsync(HttpContext? http, CancellationToken cancellationToken)
    {
        var (directory, behind) = await CurrentOrPreviousAsync(ReaderWait, cancellationToken);
        if (behind && http?.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }
        return directory;
    }

    /// <summary>The directory with every write noticed in this process, and checked for changes made elsewhere at most every two seconds.</summary>
    public async Task<DirectorySnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        // The marks before the directory, as in CurrentOrPreviousAsync.
        if (!_stale && !_refreshingAfterWrites && _snapshot is { } snapshot)
        {
            if (clock.GetUtcNow() - _lastCheck < CheckInterval)
            {
                return snapshot;
            }
            // Looking for changes made elsewhere (another instance, the command line): one request looks, the others
            // read the directory as it is meanwhile. Every request waited for the check's queries, every 2 seconds.
            if (!await _refreshLock.WaitAsync(0, cancellationToken))
            {
                return snapshot;
            }
        }
        else
        {
            await _refreshLock.WaitAsync(cancellationToken);
        }
        try
        {
            if (_snapshot is null || _stale || clock.GetUtcNow() - _lastCheck >= CheckInterval)
            {
                var noticed = _stale;
                // Said before the stale mark is taken off: a reader in between would take the directory as it is for fresh.
                _refreshingAfterWrites = noticed;
                _stale = false;
                _lastCheck = clock.GetUtcNow();
                var vocabularyChanged = _vocabularyChanged;
                var previous = _snapshot;
                _refreshFoundSlow = false;
                try
                {
                    // A first build or one after a write reads thousands of rows or more; a periodic check, a few numbers.
                    using var threads = previous is null || noticed ? Data.BuildThreads.Hold() : null;
                    _snapshot = await RefreshAsync(_snapshot, noticed, cancellationToken);
                }
                catch
                {
                    // The database failed mid-refresh (an outage): what was to be refreshed still is, on the next request.
                    _stale = true;
                    _vocabularyChanged |= vocabularyChanged;
                    throw;
                }
                finally
                {
                    _refreshingAfterWrites = false;
                }
                if (previous is not null && !ReferenceEquals(previous, _snapshot))
                {
                    Changed?.Invoke();
                }
            }
            return _snapshot;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <param name="noticed">Whether a write was noticed (in this process, or another instance's notice), rather than a periodic check.</param>
    private async Task<DirectorySnapshot> RefreshAsync(DirectorySnapshot? current, bool noticed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
        var countries = scope.ServiceProvider.GetRequiredService<CountryList>();
        var lastChange = await db.ClusterOrganisations.AsNoTracking().MaxAsync(p => (DateTimeOffset?)p.UpdatedAt, cancellationToken) ?? DateTimeOffset.MinValue;
        var vocabularyChanged = _vocabularyChanged;
        _vocabularyChanged = false;

        // Between comparisons of times a check without a notice looks only for later times; finding any, it compares.
        // The published profiles are counted only with the comparisons (a deletion made elsewhere without a notice
        // shows only in their number): at a million profiles on PostgreSQL the count took 0.3 s, every two seconds
        // while requests came.
        if (current is not null && !noticed && clock.GetUtcNow() - _lastLookBack < LookBackInterval
            && !vocabularyChanged && await ChangedIdsSinceAsync(db, current.LastChange, cancellationToken) is { Count: 0 })
        {
            return current;
        }
        var publishedCount = await db.ClusterOrganisations.AsNoTracking().CountAsync(p => p.Status == ProfileStatus.Published, cancellationToken);

        // What the changes are applied to — the current directory, or at a start a file of the database or written before
        // its latest changes (a restart after edits, or after another instance's writes), read once it is known that few
        // changed — and the change times read with it.
        var (basis, basisLastChange, basisRecent, exactFile) = (current?.Entries, current?.LastChange, _recentChanges, false);
        DirectoryStamp? stamp = null;
        // (The stamp's aggregates take a second at a million profiles: not asked for a file that is not there.)
        if (current is null && PersistsAt(publishedCount) && File.Exists(FilePath))
        {
            stamp = await StampAsync(db, cancellationToken);
            if (DirectorySnapshotFile.TryReadHead(FilePath) is { } head && (head.Stamp == stamp || DirectorySnapshotFile.IsEarlier(head.Stamp, stamp)))
            {
                (basisLastChange, basisRecent, exactFile) = (head.Stamp.LastChange, head.Recent, head.Stamp == stamp);
            }
        }

        // Which profiles to read again (null: all of them). The times from a little before the basis's last change are
        // read before any entry is, so a write that commits after this read shows a new time the next time.
        var since = EarlierBy(basisLastChange is { } b && b < lastChange ? b : lastChange, LookBack);
        var recent = await RecentChangesAsync(db, since, cancellationToken);
        _lastLookBack = clock.GetUtcNow();
        var uncomparedSince = current is not null && recent is null ? Earliest(_uncomparedSince, since) : _uncomparedSince;
        var changedIds = basisLastChange is not { } basisChange ? null
            // Times too many to compare now (the later ones only, as before times were compared), or missed before.
            : current is not null && recent is null ? await ChangedIdsSinceAsync(db, basisChange, cancellationToken)
            : current is not null && uncomparedSince is { } missed ? await ChangedIdsSinceAsync(db, Earliest(missed, since), cancellationToken)
            : recent is not null && basisRecent is not null ? Differing(recent, basisRecent, since)
            // A file without times: of the database, the later times only (as before); written before, all in the window.
            : await ChangedIdsSinceAsync(db, exactFile ? basisChange : since, cancellationToken);
        if (current is not null && changedIds is { Count: 0 } && current.Entries.Count == publishedCount && !vocabularyChanged)
        {
            (_recentChanges, _uncomparedSince) = (recent ?? _recentChanges, recent is null ? uncomparedSince : null);
            return current;
        }

        var terms = await db.VocabularyTerms.AsNoTracking().ToListAsync(cancellationToken);
        var started = clock.GetTimestamp();
        DirectoryEntries? entries = null;
        var source = "database";
        var fromFile = false;
        if (exactFile && changedIds is { Count: 0 } && DirectorySnapshotFile.TryRead(FilePath, stamp!) is { } stored)
        {
            (entries, source, fromFile) = (stored, "snapshot file", true);
        }
        else if (changedIds is not null && (basis ?? (stamp is null ? null : DirectorySnapshotFile.TryReadBasis(FilePath, stamp))) is { } changesTo
            && await WithChangesAsync(db, changesTo, changedIds, publishedCount, current is null ? stamp : null, cancellationToken) is { } merged)
        {
            (entries, source) = (merged, current is null ? $"snapshot file and {changedIds.Count} profiles changed since" : "database");
        }
        entries ??= await _loader.LoadAllAsync(db, cancellationToken);
        // The newest time of what was read: a write committed between the reads of the newest time and of the times
        // above is in the entries, so its time is the directory's (which the file's stamp must match to be written).
        var snapshot = new DirectorySnapshot(entries, terms, countries,
            recent is { Count: > 0 } && recent.Values.Max() is var newest && newest > lastChange ? newest : lastChange);
        if (entries.Count > 10_000 && (current is null || current.Entries.Count * 2 < entries.Count))
        {
            // A full load allocates far more than it keeps.
            LargeBuildMemory.GiveBack(entries.Count, "directory", logger);
        }
        logger.LogInformation("Directory index: {Count} published profiles in {Milliseconds:0} ms ({Source}), managed heap {HeapMb:0} MB",
            snapshot.Entries.Count, clock.GetElapsedTime(started).TotalMilliseconds, source, GC.GetTotalMemory(false) / 1048576.0);
        (_recentChanges, _uncomparedSince) = (recent, current is not null && recent is null ? uncomparedSince : null);
        if (!fromFile && PersistsAt(snapshot.Entries.Count))
        {
            PersistLater(snapshot, _recentChanges);
        }
        return snapshot;
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } first && first < b ? first : b;

    /// <summary><paramref name="time"/> less <paramref name="span"/>, or the earliest time when that would be before it.</summary>
    private static DateTimeOffset EarlierBy(DateTimeOffset time, TimeSpan span) =>
        time - DateTimeOffset.MinValue > span ? time - span : DateTimeOffset.MinValue;

    /// <summary>The change times of the profiles changed after <paramref name="since"/>; null when more than <see cref="MaxTimesKept"/> were.</summary>
    private static async Task<Dictionary<int, DateTimeOffset>?> RecentChangesAsync(ClusterAtlasDbContext db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // In the index's order: which rows a limit leaves out does not matter (then none are kept), but EF warns of a limit without an order.
        var rows = await db.ClusterOrganisations.AsNoTracking().Where(p => p.UpdatedAt > since).OrderBy(p => p.UpdatedAt).Select(p => new { p.Id, p.UpdatedAt })
            .Take(MaxTimesKept + 1).ToListAsync(cancellationToken);
        return rows.Count > MaxTimesKept ? null : rows.ToDictionary(r => r.Id, r => r.UpdatedAt);
    }

    /// <summary>
    /// The profiles whose change time after <paramref name="since"/> is not the one read before: written since (a later
    /// time, or an earlier one committed late), or deleted. (What was read before may reach further back: that is left.)
    /// </summary>
    private static List<int> Differing(Dictionary<int, DateTimeOffset> now, Dictionary<int, DateTimeOffset> before, DateTimeOffset since) =>
    [
        .. now.Where(row => !before.TryGetValue(row.Key, out var at) || at != row.Value).Select(row => row.Key)
            .Concat(before.Where(row => row.Value > since && !now.ContainsKey(row.Key)).Select(row => row.Key)).Order(),
    ];

    /// <summary>The profiles changed after <paramref name="since"/>; null when more than <see cref="MaxChangedToLoad"/> were.</summary>
    private static async Task<List<int>?> ChangedIdsSinceAsync(ClusterAtlasDbContext db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // In the order of the change time, then sorted: asked in the order of the id, SQLite walked the whole table by id
        // (the limit reached only when enough changed), 0.8 s at a million profiles for every check that found none.
        var ids = await db.ClusterOrganisations.AsNoTracking().Where(p => p.UpdatedAt > since)
            .OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id).Select(p => p.Id).Take(MaxChangedToLoad + 1).ToListAsync(cancellationToken);
        ids.Sort();
        return ids.Count > MaxChangedToLoad ? null : ids;
    }

    /// <summary>
    /// The directory with the profiles <paramref name="changedIds"/> loaded and merged in at their places in the name order
    /// (which the entries keep, see DirectoryLoader), the rest copied from <paramref name="basis"/>, less whatever changed
    /// (it comes back loaded if it is still published). Null when the result does not have the database's published
    /// profiles (by their number, and with a file's <paramref name="stamp"/> by the sum of their ids too).
    /// </summary>
    private async Task<DirectoryEntries?> WithChangesAsync(
        ClusterAtlasDbContext db, DirectoryEntries basis, List<int> changedIds, int publishedCount, DirectoryStamp? stamp, CancellationToken cancellationToken)
    {
        var changed = changedIds.ToHashSet();
        var loaded = await _loader.LoadAsync(db, changedIds, cancellationToken);
        loaded.Sort((a, b) => DirectoryEntries.CompareNames(a.Name, a.Id, b.Name, b.Id));
        var fresh = new DirectoryEntries.Builder();
        loaded.ForEach(fresh.Add);
        var (sourceOf, positionOf) = (new List<int>(publishedCount), new List<int>(publishedCount));
        var next = 0;
        for (var i = 0; i < basis.Count; i++)
        {
            var id = basis.Ids[i];
            if (changed.Contains(id))
            {
                continue;
            }
            for (; next < loaded.Count && DirectoryEntries.CompareNames(loaded[next].Name, loaded[next].Id, basis[i].Name, id) < 0; next++)
            {
                Take(1, next);
            }
            Take(0, i);
        }
        for (; next < loaded.Count; next++)
        {
            Take(1, next);
        }
        void Take(int set, int position)
        {
            sourceOf.Add(set);
            positionOf.Add(position);
        }
        var merged = sourceOf.Count == publishedCount
            ? DirectoryEntriesGather.Gather([basis, fresh.Columns()], [.. sourceOf], [.. positionOf]).WithOrders()
            : null;
        if (merged is null || (stamp is not null && merged.Ids.Sum(id => (long)id) != stamp.IdSum))
        {
            logger.LogInformation("Directory index: {Basis} and its {Count} changed profiles do not make the database's published ones; loading them all",
                stamp is null ? "the directory" : "the snapshot file", changedIds.Count);
            return null;
        }
        return merged;
    }

    private string FilePath => DirectorySnapshotFile.PathIn(options.Value.DataDirectory);

    private bool PersistsAt(int entries) => options.Value.DirectorySnapshotFileMinimum is var minimum && minimum > 0 && entries >= minimum;

    /// <summary>The database's <see cref="DirectoryStamp"/>: aggregates over the profiles and their terms (about a second at a million).</summary>
    public static async Task<DirectoryStamp> StampAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        var profiles = await db.ClusterOrganisations.AsNoTracking().Where(p => p.Status == ProfileStatus.Published)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), IdSum = g.Sum(p => (long)p.Id) })
            // One group or none: Single, which EF does not warn about as it does about First without an order.
            .SingleOrDefaultAsync(cancellationToken);
        var lastChange = await db.ClusterOrganisations.AsNoTracking().MaxAsync(p => (DateTimeOffset?)p.UpdatedAt, cancellationToken) ?? DateTimeOffset.MinValue;
        var termRows = await db.Set<ProfileTerm>().LongCountAsync(cancellationToken);
        var terms = await db.VocabularyTerms.CountAsync(cancellationToken);
        var lastTermId = await db.VocabularyTerms.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0;
        return new DirectoryStamp(profiles?.Count ?? 0, profiles?.IdSum ?? 0, lastChange, termRows, terms, lastTermId);
    }

    /// <summary>
    /// Writes the snapshot's entries to the file in the background, when the database still holds what it was built from
    /// (a write in between makes it stale: the next refresh's snapshot is written instead). One write at a time.
    /// </summary>
    /// <param name="recent">The change times read before the snapshot's entries, written with them (see <see cref="LookBack"/>).</param>
    private void PersistLater(DirectorySnapshot snapshot, Dictionary<int, DateTimeOffset>? recent)
    {
        if (clock.GetUtcNow() - _lastPersisted < PersistInterval || Interlocked.Exchange(ref _persisting, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                using var threads = Data.BuildThreads.Hold();
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
                var stamp = await StampAsync(db, CancellationToken.None);
                if (stamp.Published == snapshot.Entries.Count && stamp.LastChange == snapshot.LastChange)
                {
                    DirectorySnapshotFile.Write(FilePath, stamp, snapshot.Entries, recent);
                    _lastPersisted = clock.GetUtcNow();
                }
            }
            catch (Exception error)
            {
                // Only a start is slower without the file.
                logger.LogWarning(error, "Could not write the directory snapshot file");
            }
            finally
            {
                Volatile.Write(ref _persisting, 0);
            }
        });
    }
}
