using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// The network in memory, refreshed from the database like the directory's index. Profiles written through the one
/// write path have their links matched in that write (<see cref="NetworkLinker.UpdateForAsync"/>), which marks them
/// matched in the database and tells this index (<see cref="MarkStale"/>). Profiles written any other way (a bulk load
/// that deferred matching and stopped, a save of contact settings, a change outside the platform) keep a match time
/// that differs from their change time: each check asks the database for those (<see cref="NetworkLinker.UnmatchedAsync"/>)
/// and matches them before the graph is rebuilt, so such a change is never silently missed. What is matched is the
/// database's, not an instance's: a write on one instance, a restart or a new instance match nothing again (a whole
/// match took 8 minutes at 100,000 profiles, and once followed every write made on another instance).
/// </summary>
public sealed class NetworkIndex(IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<NetworkIndex> logger) : IDisposable
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile NetworkSnapshot? _snapshot;
    private (int Count, int Published, DateTimeOffset LastChange) _state = (-1, -1, DateTimeOffset.MinValue);
    private DateTimeOffset _lastCheck = DateTimeOffset.MinValue;
    private volatile bool _stale = true;

    public void Dispose() => _lock.Dispose();

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
    /// Builds the network in the background unless it is built (or being built): at a million profiles it takes 36–42 s, which
    /// the first profile page viewed after a start waited for.
    /// </summary>
    public Task StartBuilding() => IsBuilt ? Task.CompletedTask : _firstBuild.Start(token => CheckAsync(fresh: false, token), lifetime.ApplicationStopping);

    private static async Task<(int Count, int Published, DateTimeOffset LastChange)> StateAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken) => (
        await db.ClusterOrganisations.CountAsync(cancellationToken),
        await db.ClusterOrganisations.CountAsync(p => p.Status == ProfileStatus.Published, cancellationToken),
        await db.ClusterOrganisations.MaxAsync(p => (DateTimeOffset?)p.UpdatedAt, cancellationToken) ?? DateTimeOffset.MinValue);

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

    /// <summary>After a confirmation, rejection or dismissal: the next read rebuilds.</summary>
    public void MarkStale() => _stale = true;

    /// <summary>
    /// The current network; checked against the database at most every two seconds, or on every call with
    /// <paramref name="fresh"/> (the administrators' page, who expect their last save).
    /// </summary>
    public async Task<NetworkSnapshot> CurrentAsync(CancellationToken cancellationToken, bool fresh = false)
    {
        if (!IsBuilt)
        {
            // The first build is the background's, whoever asks first: a reader who leaves the page does not cancel it for
            // the next. (One that failed, the database unreachable, is run again below, with its error for this request.)
            await StartBuilding().WaitAsync(cancellationToken);
        }
        return await CheckAsync(fresh, cancellationToken);
    }

    private async Task<NetworkSnapshot> CheckAsync(bool fresh, CancellationToken cancellationToken)
    {
        if (fresh)
        {
            _lastCheck = DateTimeOffset.MinValue;
        }
        var snapshot = _snapshot;
        if (snapshot is not null && !_stale && !fresh)
        {
            if (clock.GetUtcNow() - _lastCheck < CheckInterval)
            {
                return snapshot;
            }
            // Looking for changes made elsewhere (another instance, the command line): one request looks, the others
            // read the network as it is meanwhile rather than all waiting for the database's answer.
            if (!await _lock.WaitAsync(0, cancellationToken))
            {
                return snapshot;
            }
        }
        else
        {
            await _lock.WaitAsync(cancellationToken);
        }
        try
        {
            if (_snapshot is null || _stale || clock.GetUtcNow() - _lastCheck >= CheckInterval)
            {
                var stale = _stale;
                _stale = false;
                _lastCheck = clock.GetUtcNow();
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
                var matched = await MatchUnmatchedAsync(scope.ServiceProvider, db, cancellationToken);
                // The counts and the latest change tell of writes made elsewhere without a notice (another process on
                // the same SQLite file): the graph is rebuilt, nothing is matched again for them.
                var state = await StateAsync(db, cancellationToken);
                if (_snapshot is null || stale || matched || state != _state)
                {
                    _state = state;
                    var started = clock.GetTimestamp();
                    _snapshot = await BuildAsync(db, cancellationToken);
                    logger.LogInformation("Network: {Profiles} published profiles, built in {Elapsed:N0} ms", _snapshot.Profiles.Count, clock.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            return _snapshot!;
        }
        finally
        {
            _lock.Release();
        }
    }

    private static async Task<NetworkSnapshot> BuildAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.Status == ProfileStatus.Published)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Slug, p.Name, p.CountryCode, p.CountriesInEurope, p.CountriesOutsideEurope, p.TotalMembers, p.ExcellenceLabel })
            .ToListAsync(cancellationToken);
        var terms = await db.VocabularyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        // The four fields the recommendations compare, told apart by their terms' vocabularies (one each); proposed
        // terms are no profile's yet. Read as the directory reads the rows: at a million profiles, ten million rows
        // made objects, grouped and sorted per profile took most of a minute and stalled every request meanwhile.
        var fieldOf = new[] { ProfileField.SectoralIndustry, ProfileField.TechnologyField, ProfileField.S3PriorityArea, ProfileField.EmergingIndustry }
            .Select((field, index) => (Vocabulary.For(field), index)).ToDictionary(f => f.Item1, f => f.index, StringComparer.Ordinal);
        var slotOfTerm = terms.Values.ToDictionary(t => t.Id, t => t.Status != TermStatus.Proposed && fieldOf.TryGetValue(t.Vocabulary, out var slot) ? slot : -1);
        var profileTerms = await ClusterDirectory.DirectoryLoader.AllTermsAsync(db, cancellationToken);
        var profiles = new List<NetworkProfile>(rows.Count);
        var features = new List<ClusterFeatures>(rows.Count);
        var byField = new List<int>[] { [], [], [], [] };
        foreach (var row in rows)
        {
            foreach (var list in byField)
            {
                list.Clear();
            }
            foreach (var term in profileTerms.Of(row.Id))
            {
                if (slotOfTerm.TryGetValue(term, out var slot) && slot >= 0)
                {
                    byField[slot].Add(term);
                }
            }
            var sectors = byField[0].ToArray();
            profiles.Add(new NetworkProfile(row.Id, profiles.Count, row.Slug, row.Name, row.CountryCode, sectors, row.ExcellenceLabel));
            features.Add(new ClusterFeatures(
                sectors, byField[1].ToArray(), byField[2].ToArray(), byField[3].ToArray(),
                row.CountryCode, [.. row.CountriesInEurope.Concat(row.CountriesOutsideEurope).Where(c => c != row.CountryCode).Distinct()],
                row.TotalMembers, row.ExcellenceLabel is ExcellenceLabel.Bronze or ExcellenceLabel.Silver or ExcellenceLabel.Gold));
        }
        var nodeOf = profiles.ToDictionary(p => p.Id, p => p.Node);
        var links = await db.Set<NetworkLink>().AsNoTracking()
            .Select(l => new { l.ProfileId, l.Id, l.PartnerKey, l.PartnerName, l.PartnerProfileId, l.State, l.Score })
            .ToListAsync(cancellationToken);
        var linksByProfile = links.GroupBy(l => l.ProfileId)
            .ToDictionary(g => g.Key, g => g.Select(l => new StatedLink(l.Id, l.PartnerKey, l.PartnerName, l.PartnerProfileId, l.State, l.Score)).ToList());
        var statements = links
            .Where(l => l.State is LinkState.Sure or LinkState.Confirmed && nodeOf.ContainsKey(l.ProfileId) && nodeOf.ContainsKey(l.PartnerProfileId))
            .Select(l => (l.ProfileId, l.PartnerProfileId))
            .ToHashSet();
        var neighbours = RecommenderGraph.Undirected(profiles.Count, statements.Select(s => (nodeOf[s.Item1], nodeOf[s.Item2])));
        var sectorIds = terms.Values.Where(t => t.Vocabulary == Vocabulary.SectoralIndustries)
            .GroupBy(t => t.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var graph = new RecommenderGraph(features, neighbours, ValueChains.Neighbours(sectorIds));
        return new NetworkSnapshot(profiles, linksByProfile, statements, graph, terms);
    }
}
