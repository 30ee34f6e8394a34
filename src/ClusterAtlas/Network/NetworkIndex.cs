using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Network;

/// <summary>
/// The network in memory, refreshed from the database like the directory's index. Profiles written through the one
/// write path have their links matched in that write (<see cref="NetworkLinker.UpdateForAsync"/>), which then tells
/// the index (<see cref="WrittenAsync"/>) the state it left. Should the profiles change any other way (their latest
/// UpdatedAt or their counts move without such a report), every collaboration is matched again before the graph is
/// rebuilt, so a change outside the write path is never silently missed; an administrator's decision marks it stale.
/// The state last known to be matched is kept in a small file in the data folder (<see cref="MatchedStateFile"/>): at
/// 100,000 profiles matching every collaboration again took minutes, and a start that finds the database as it was
/// matched need not do it.
/// </summary>
public sealed class NetworkIndex(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ClusterAtlasOptions> options, ILogger<NetworkIndex> logger) : IDisposable
{
    public const string MatchedStateFile = "network-matched-state.txt";

    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile NetworkSnapshot? _snapshot;
    private (int Count, int Published, DateTimeOffset LastChange) _state = (-1, -1, DateTimeOffset.MinValue);
    private DateTimeOffset _lastCheck = DateTimeOffset.MinValue;
    private volatile bool _stale = true;

    public void Dispose() => _lock.Dispose();

    /// <summary>
    /// After a write matched what it wrote (<paramref name="wholeNetwork"/>: every collaboration): the state it left is
    /// known to be matched, the graph is rebuilt on the next read.
    /// </summary>
    public async Task WrittenAsync(CancellationToken cancellationToken, bool wholeNetwork = false)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var state = await StateAsync(scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>(), cancellationToken);
            // Only a state already matched before may be carried on: at start (never matched) the whole network is matched once.
            if (_state.Count < 0 && !wholeNetwork)
            {
                _state = ReadMatchedState();
            }
            if (_state.Count >= 0 || wholeNetwork)
            {
                _state = state;
                WriteMatchedState(state);
            }
            _stale = true;
        }
        finally
        {
            _lock.Release();
        }
    }

    private static async Task<(int Count, int Published, DateTimeOffset LastChange)> StateAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken) => (
        await db.ClusterOrganisations.CountAsync(cancellationToken),
        await db.ClusterOrganisations.CountAsync(p => p.Status == ProfileStatus.Published, cancellationToken),
        await db.ClusterOrganisations.MaxAsync(p => (DateTimeOffset?)p.UpdatedAt, cancellationToken) ?? DateTimeOffset.MinValue);

    private string MatchedStatePath => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), MatchedStateFile);

    /// <summary>The state last matched, as the file keeps it; (-1, ...) when there is none or it cannot be read.</summary>
    private (int Count, int Published, DateTimeOffset LastChange) ReadMatchedState()
    {
        try
        {
            var parts = File.Exists(MatchedStatePath) ? File.ReadAllText(MatchedStatePath).Trim().Split(' ') : [];
            if (parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var published)
                && long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                return (count, published, new DateTimeOffset(ticks, TimeSpan.Zero));
            }
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "The network's matched state could not be read: every collaboration is matched again");
        }
        return (-1, -1, DateTimeOffset.MinValue);
    }

    /// <summary>Written aside and moved into place, so a reader never sees half of it; a failure only costs a match at the next start.</summary>
    private void WriteMatchedState((int Count, int Published, DateTimeOffset LastChange) state)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(MatchedStatePath)!);
            var aside = MatchedStatePath + ".new";
            File.WriteAllText(aside, string.Create(CultureInfo.InvariantCulture, $"{state.Count} {state.Published} {state.LastChange.UtcTicks}\n"));
            File.Move(aside, MatchedStatePath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "The network's matched state could not be kept: the next start matches every collaboration again");
        }
    }

    /// <summary>After a confirmation, rejection or dismissal: the next read rebuilds.</summary>
    public void MarkStale() => _stale = true;

    /// <summary>
    /// The current network; checked against the database at most every two seconds, or on every call with
    /// <paramref name="fresh"/> (the administrators' page, who expect their last save).
    /// </summary>
    public async Task<NetworkSnapshot> CurrentAsync(CancellationToken cancellationToken, bool fresh = false)
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
                var state = await StateAsync(db, cancellationToken);
                if (_state.Count < 0)
                {
                    _state = ReadMatchedState();
                }
                if (state != _state)
                {
                    var started = clock.GetTimestamp();
                    var changes = await scope.ServiceProvider.GetRequiredService<NetworkLinker>().UpdateAllAsync(cancellationToken);
                    logger.LogInformation("Profiles changed outside the write path (or at start): every collaboration matched again, {Changes} links changed in {Elapsed}",
                        changes, clock.GetElapsedTime(started));
                    _state = state;
                    WriteMatchedState(state);
                    _snapshot = await BuildAsync(db, cancellationToken);
                }
                else if (_snapshot is null || stale)
                {
                    _snapshot = await BuildAsync(db, cancellationToken);
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
        var profileTerms = (await db.Set<ProfileTerm>().AsNoTracking()
                .Where(t => t.Term.Status != TermStatus.Proposed)
                .Select(t => new { t.ClusterOrganisationId, t.Field, t.VocabularyTermId, t.SortOrder })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.ClusterOrganisationId);
        var profiles = new List<NetworkProfile>(rows.Count);
        var features = new List<ClusterFeatures>(rows.Count);
        foreach (var row in rows)
        {
            var own = profileTerms[row.Id].OrderBy(t => t.SortOrder).ToList();
            int[] Of(ProfileField field) => [.. own.Where(t => t.Field == field).Select(t => t.VocabularyTermId).Distinct()];
            var sectors = Of(ProfileField.SectoralIndustry);
            profiles.Add(new NetworkProfile(row.Id, profiles.Count, row.Slug, row.Name, row.CountryCode, sectors, row.ExcellenceLabel));
            features.Add(new ClusterFeatures(
                sectors, Of(ProfileField.TechnologyField), Of(ProfileField.S3PriorityArea), Of(ProfileField.EmergingIndustry),
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
