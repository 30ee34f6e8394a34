using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// The network in memory, built from the directory's snapshot and the collaborations in the database, refreshed in the
/// background when either changes (docs/decisions/0038-the-network-from-the-directory.md). Profiles written through the one
/// write path have their links matched in that write (<see cref="NetworkLinker.UpdateForAsync"/>), which marks them
/// matched in the database and tells this index (<see cref="MarkStale"/>). Profiles written any other way (a bulk load
/// that deferred matching and stopped, a save of contact settings, a change outside the platform) keep a match time
/// that differs from their change time: each check asks the database for those (<see cref="NetworkLinker.UnmatchedAsync"/>)
/// and matches them before the graph is rebuilt, so such a change is never silently missed. What is matched is the
/// database's, not an instance's: a write on one instance, a restart or a new instance match nothing again (a whole
/// match took 8 minutes at 100,000 profiles, and once followed every write made on another instance).
/// </summary>
public sealed class NetworkIndex(IServiceScopeFactory scopes, ClusterDirectory.DirectoryIndex directory, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<NetworkIndex> logger)
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);
    private readonly Lock _refreshGate = new();
    private volatile NetworkSnapshot? _snapshot;
    private DateTimeOffset _lastCheck = DateTimeOffset.MinValue;

    /// <summary>
    /// The refresh under way or the last one (one runs at a time), the writes noticed when it started, and the refresh
    /// that starts once it ends, for those who need one that started after them.
    /// </summary>
    private Task _refreshing = Task.CompletedTask;
    private long _refreshIncludes;
    private Task? _queued;

    /// <summary>The refresh found slow by a reader's wait: the readers after it do not wait for it again.</summary>
    private Task? _foundSlow;

    /// <summary>Writes noticed (<see cref="MarkStale"/>), and how many of them the network includes.</summary>
    private long _writesNoticed = 1, _writesApplied;

    /// <summary>Whether the network has been built since the start: until it is, profile pages show it as being prepared.</summary>
    public bool IsBuilt => _snapshot is not null;

    private readonly Data.BackgroundBuild _firstBuild = new("network", logger);

    /// <summary>
    /// Waits up to <paramref name="wait"/> for the first build (starting it if need be), unless an earlier wait found it
    /// slow: at a million profiles each page viewed during the build would otherwise wait in vain. True when built.
    /// </summary>
    public async Task<bool> WaitForFirstBuildAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var building = StartBuilding();
        if (!IsBuilt && !_firstBuildIsSlow)
        {
            await Task.WhenAny(building, Task.Delay(wait, cancellationToken));
            _firstBuildIsSlow = !IsBuilt;
        }
        return IsBuilt;
    }

    private volatile bool _firstBuildIsSlow;

    /// <summary>
    /// Builds the network in the background unless it is built (or being built): at a million profiles it takes a few seconds
    /// once the directory is built (36–42 s when it read the profiles itself), which the first profile page viewed after a
    /// start waited for.
    /// </summary>
    public Task StartBuilding() => IsBuilt ? Task.CompletedTask : _firstBuild.Start(_ => Refresh(startedAfterNow: false), lifetime.ApplicationStopping);

    /// <summary>
    /// Matches the profiles written without matching: those alone when they are few, every collaboration when they are
    /// many. True when it matched any.
    /// </summary>
    private async Task<bool> MatchUnmatchedAsync(IServiceProvider services, ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        var linker = services.GetRequiredService<NetworkLinker>();
        var unmatched = await linker.UnmatchedAsync(NetworkLinker.IncrementalLimit + 1, cancellationToken);
        if (unmatched.Count == 0)
        {
            return false;
        }
        var started = clock.GetTimestamp();
        var whole = unmatched.Count > NetworkLinker.IncrementalLimit;
        int changes;
        try
        {
            // No transaction around the matching: on SQLite it would hold the database's write lock for all of it (minutes
            // for a whole match at 100,000 profiles, while every other write timed out). The links are saved in one
            // transaction, then the versions matched are marked; a profile written meanwhile stays or becomes unmatched.
            changes = whole
                ? await linker.UpdateAllAsync(cancellationToken)
                : await linker.UpdateForAsync([.. unmatched.Select(u => u.Id)], cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException)
        {
            // A write matching the same links committed first, or the database was busy: the profiles stay unmatched,
            // the network as it was is served, and the next check tries again.
            logger.LogWarning(exception, "Matching {Count} profiles written without matching failed; tried again at the next check", unmatched.Count);
            db.ChangeTracker.Clear();
            return false;
        }
        if (whole)
        {
            logger.LogInformation("More than {Limit} profiles written without matching their collaborations: every collaboration matched again, {Changes} links changed in {Elapsed}",
                NetworkLinker.IncrementalLimit, changes, clock.GetElapsedTime(started));
        }
        else
        {
            logger.LogInformation("{Count} profiles written without matching their collaborations matched, {Changes} links changed in {Elapsed}",
                unmatched.Count, changes, clock.GetElapsedTime(started));
        }
        return true;
    }

    /// <summary>After a write (a confirmation, rejection or dismissal, a profile saved): the next read starts a rebuild.</summary>
    public void MarkStale() => Interlocked.Increment(ref _writesNoticed);

    /// <summary>
    /// Whether the network lacks a write noticed here, or profiles the directory has changed since (a vocabulary's
    /// merge, a change noticed from elsewhere): its rebuild is to come or under way.
    /// </summary>
    public bool IsBehind =>
        Interlocked.Read(ref _writesApplied) != Interlocked.Read(ref _writesNoticed)
        || (_snapshot is { } network && directory.Latest is { } profiles && !ReferenceEquals(network.Directory, profiles));

    /// <summary>
    /// The current network, every write noticed in it: checked against the database at most every two seconds (in the
    /// background: readers meanwhile read the network as it is), or on every call with <paramref name="fresh"/> (the
    /// administrators' pages, who expect their last save). After a write, the rebuild is waited for.
    /// </summary>
    public async Task<NetworkSnapshot> CurrentAsync(CancellationToken cancellationToken, bool fresh = false)
    {
        if (!IsBuilt)
        {
            // The first build is the background's, whoever asks first: a reader who leaves the page does not cancel it for
            // the next. (One that failed, the database unreachable, is run again below, with its error for this request.)
            await StartBuilding().WaitAsync(cancellationToken);
        }
        if (!IsBuilt || fresh || IsBehind)
        {
            await Refresh(startedAfterNow: fresh).WaitAsync(cancellationToken);
            return _snapshot!;
        }
        CheckNowAndThen();
        return _snapshot!;
    }

    /// <summary>
    /// The network for a profile page: after a write, its rebuild is waited for up to <paramref name="waitForRebuild"/>
    /// (a few profiles' is done in milliseconds, a million's in seconds), then the network as it was is given, said to be
    /// <c>Behind</c>, so that the page is not kept in the output cache. (Every page viewed while a rebuild lasted waited
    /// for all of it, 40 s at a million profiles when the network read the profiles itself.) Once a reader's wait has
    /// found a rebuild slow, the readers after it do not wait for that one.
    /// </summary>
    public async Task<(NetworkSnapshot Network, bool Behind)> CurrentOrPreviousAsync(TimeSpan waitForRebuild, CancellationToken cancellationToken)
    {
        if (!IsBuilt)
        {
            return (await CurrentAsync(cancellationToken), false);
        }
        if (IsBehind)
        {
            var refresh = Refresh(startedAfterNow: false);
            if (!ReferenceEquals(refresh, _foundSlow))
            {
                await Task.WhenAny(refresh, Task.Delay(waitForRebuild, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (!refresh.IsCompleted)
                {
                    _foundSlow = refresh;
                }
            }
        }
        else
        {
            CheckNowAndThen();
        }
        // Read in this order: a refresh sets the network before it says the writes are in it.
        var behind = IsBehind;
        return (_snapshot!, behind);
    }

    /// <summary>Looks for changes made elsewhere (another instance, the command line) every two seconds, in the background.</summary>
    private void CheckNowAndThen()
    {
        if (clock.GetUtcNow() - _lastCheck >= CheckInterval && _refreshing.IsCompleted)
        {
            _ = Refresh(startedAfterNow: false);
        }
    }

    /// <summary>
    /// A refresh that includes every write noticed until now: the one under way if it does (and, with
    /// <paramref name="startedAfterNow"/>, not even then: changes made elsewhere are looked for only as a refresh
    /// starts), else the one that starts when it ends (the same task for every such caller), else a new one.
    /// </summary>
    private Task Refresh(bool startedAfterNow)
    {
        lock (_refreshGate)
        {
            if (_refreshing.IsCompleted)
            {
                return Start();
            }
            if (!startedAfterNow && _refreshIncludes >= Interlocked.Read(ref _writesNoticed))
            {
                return _refreshing;
            }
            if (_queued is null)
            {
                _queued = _refreshing.ContinueWith(_ =>
                {
                    lock (_refreshGate)
                    {
                        // A reader may have started one since the last ended: it started after all who queued.
                        return _refreshing.IsCompleted ? Start() : _refreshing;
                    }
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                // Its failure is the refresh's, logged there.
                _ = _queued.ContinueWith(failed => failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            return _queued;
        }
    }

    /// <summary>Starts a refresh; called under the gate when none is under way.</summary>
    private Task Start()
    {
        _queued = null;
        _lastCheck = clock.GetUtcNow();
        var includes = _refreshIncludes = Interlocked.Read(ref _writesNoticed);
        var refresh = Task.Run(() => RefreshAsync(includes, lifetime.ApplicationStopping));
        Observe(refresh);
        _refreshing = refresh;
        SubscribeToTheDirectory();
        return refresh;
    }

    /// <summary>
    /// A refresh nobody waits for (a periodic check, a reader gone) logs its failure; the next one tries again. (The first
    /// build's failure is the background build's to log.)
    /// </summary>
    private void Observe(Task refresh) =>
        _ = refresh.ContinueWith(failed =>
        {
            if (IsBuilt)
            {
                logger.LogWarning(failed.Exception!.GetBaseException(), "Refreshing the network failed; tried again at the next read");
            }
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private int _subscribed;

    /// <summary>
    /// Once built, the network is rebuilt as soon as the directory changes rather than at its next reader: it holds the
    /// directory snapshot it was built from, which would otherwise stay in memory beside the new one.
    /// </summary>
    private void SubscribeToTheDirectory()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            directory.Changed += () =>
            {
                if (IsBuilt)
                {
                    _ = Refresh(startedAfterNow: false);
                }
            };
        }
    }

    /// <param name="noticed">The writes noticed as it started: the network it makes includes them.</param>
    private async Task RefreshAsync(long noticed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
        var matched = await MatchUnmatchedAsync(scope.ServiceProvider, db, cancellationToken);
        // The profiles are the directory's, which looks for writes made elsewhere (another process on the same SQLite
        // file) itself: a new directory snapshot builds a new network.
        var profiles = await directory.CurrentAsync(cancellationToken);
        var current = _snapshot;
        if (current is null || noticed != Interlocked.Read(ref _writesApplied) || matched || !ReferenceEquals(current.Directory, profiles))
        {
            using var threads = BuildThreads.Hold();
            var started = clock.GetTimestamp();
            _snapshot = await BuildAsync(db, profiles, cancellationToken);
            logger.LogInformation("Network: {Profiles} published profiles, built in {Elapsed:N0} ms", _snapshot.Profiles.Count, clock.GetElapsedTime(started).TotalMilliseconds);
            // The network replaced, and the directory snapshot it was built from, are garbage now (this method's state
            // would keep them alive through the collection).
            var rebuilt = current is not null;
            current = null;
            Data.LargeBuildMemory.GiveBack(_snapshot.Profiles.Count, "network", logger, rebuild: rebuilt);
        }
        Interlocked.Exchange(ref _writesApplied, noticed);
    }

    private static async Task<NetworkSnapshot> BuildAsync(ClusterAtlasDbContext db, ClusterDirectory.DirectorySnapshot profiles, CancellationToken cancellationToken)
    {
        var terms = await db.VocabularyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        // The four fields the recommendations compare, told apart by their terms' vocabularies (one each); proposed
        // terms are no profile's yet.
        var fieldOf = new[] { ProfileField.SectoralIndustry, ProfileField.TechnologyField, ProfileField.S3PriorityArea, ProfileField.EmergingIndustry }
            .Select((field, index) => (Vocabulary.For(field), index)).ToDictionary(f => f.Item1, f => f.index, StringComparer.Ordinal);
        var slotOfTerm = new sbyte[terms.Count == 0 ? 1 : terms.Keys.Max() + 1];
        Array.Fill(slotOfTerm, (sbyte)-1);
        foreach (var term in terms.Values.Where(t => t.Status != TermStatus.Proposed && fieldOf.ContainsKey(t.Vocabulary)))
        {
            slotOfTerm[term.Id] = (sbyte)fieldOf[term.Vocabulary];
        }
        var entries = profiles.Entries;
        var features = new ClusterFeatureColumns.Builder();
        var byField = new List<int>[] { [], [], [], [] };
        var targets = new List<string>();
        for (var node = 0; node < entries.Count; node++)
        {
            if ((node & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            foreach (var list in byField)
            {
                list.Clear();
            }
            var entry = entries[node];
            foreach (var term in entry.TermIds)
            {
                if ((uint)term < (uint)slotOfTerm.Length && slotOfTerm[term] is var slot && slot >= 0)
                {
                    byField[slot].Add(term);
                }
            }
            var country = entry.CountryCode;
            targets.Clear();
            foreach (var target in entry.CooperationCountries)
            {
                if (target != country)
                {
                    targets.Add(target);
                }
            }
            features.Add(CollectionsMarshal.AsSpan(byField[0]), CollectionsMarshal.AsSpan(byField[1]), CollectionsMarshal.AsSpan(byField[2]), CollectionsMarshal.AsSpan(byField[3]),
                country, CollectionsMarshal.AsSpan(targets), entry.TotalMembers, entry.Label is ExcellenceLabel.Bronze or ExcellenceLabel.Silver or ExcellenceLabel.Gold);
        }
        // Only the collaborations the graph draws: a profile's own list of stated links (with its partners' names) is
        // read for its page, not held for every profile.
        var statements = new HashSet<(int From, int To)>();
        var edges = new List<(int, int)>();
        foreach (var link in await db.Set<NetworkLink>().AsNoTracking()
            .Where(l => l.State == LinkState.Sure || l.State == LinkState.Confirmed)
            .Select(l => new { l.ProfileId, l.PartnerProfileId })
            .ToListAsync(cancellationToken))
        {
            var (from, to) = (profiles.PositionOf(link.ProfileId), profiles.PositionOf(link.PartnerProfileId));
            if (from >= 0 && to >= 0 && statements.Add((link.ProfileId, link.PartnerProfileId)))
            {
                edges.Add((from, to));
            }
        }
        var neighbours = RecommenderGraph.Undirected(entries.Count, edges);
        var sectorIds = terms.Values.Where(t => t.Vocabulary == Vocabulary.SectoralIndustries)
            .GroupBy(t => t.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var ids = new int[entries.Count];
        for (var node = 0; node < ids.Length; node++)
        {
            ids[node] = entries[node].Id;
        }
        var graph = new RecommenderGraph(features.Build(), neighbours, ValueChains.Neighbours(sectorIds), ids);
        return new NetworkSnapshot(profiles, statements, graph, terms);
    }
}
