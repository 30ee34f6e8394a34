using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Network;

/// <summary>
/// The matcher's terms (<see cref="PartnerMatcher.TermsOfProfile"/>, <see cref="PartnerMatcher.TermsOfText"/>) kept in
/// the database, so that matching one profile's change reads the few profiles and statements that share a term with
/// it instead of every name and statement (7 s of every edit at 100,000 profiles).
/// <para>
/// Each profile's rows are made from the profile as it was at a change time, kept beside it
/// (<see cref="MadeAtProperty"/>). A profile whose change time differs (written since, by any path, or never indexed)
/// is <em>stale</em>: its rows are not trusted, and <see cref="NetworkLinker"/> reads such profiles whole. So a
/// change made any way at all is never missed; the index only saves reading the rest.
/// </para>
/// </summary>
public sealed class NetworkTerms(ClusterAtlasDbContext db)
{
    /// <summary>The profiles' column (not part of the profile's content) with the change time their terms were made from.</summary>
    public const string MadeAtProperty = "NetworkTermsMadeAt";

    /// <summary>
    /// Profiles whose terms are missing or older than the profile. A partial index holds only these; ordered by its
    /// column, both databases read it (PostgreSQL read the whole table for "the two times differ" otherwise).
    /// </summary>
    public async Task<List<int>> StaleAsync(int limit, CancellationToken cancellationToken) =>
        await StaleProfiles()
            .OrderBy(p => EF.Property<DateTimeOffset?>(p, MadeAtProperty))
            .Take(limit)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);

    private IQueryable<ClusterOrganisation> StaleProfiles() =>
        db.ClusterOrganisations.AsNoTracking()
            .Where(p => EF.Property<DateTimeOffset?>(p, MadeAtProperty) == null || EF.Property<DateTimeOffset?>(p, MadeAtProperty) != p.UpdatedAt);

    /// <summary>
    /// Makes the terms of <paramref name="profileIds"/> from what they are now. A profile written meanwhile by another
    /// transaction keeps its rows and stays stale: its time is set only where it is still the one the terms were made
    /// from, and that update waits for a write holding the profile's row. In the caller's transaction, else in one of
    /// its own. Returns how many profiles it made terms for.
    /// </summary>
    public async Task<int> MakeAsync(IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken)
    {
        if (profileIds.Count == 0)
        {
            return 0;
        }
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var made = 0;
            foreach (var chunk in profileIds.Distinct().Chunk(500))
            {
                made += await MakeChunkAsync(chunk, cancellationToken);
            }
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return made;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private async Task<int> MakeChunkAsync(int[] ids, CancellationToken cancellationToken)
    {
        var profiles = await db.ClusterOrganisations.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.UpdatedAt, p.Status, Candidate = new MatchCandidate(p.Id, p.Name, p.Acronym, p.LocalName, p.CountryCode) })
            .ToListAsync(cancellationToken);
        var statements = (await db.Set<CollaboratingCluster>().AsNoTracking()
                .Where(c => ids.Contains(EF.Property<int>(c, "ClusterOrganisationId")))
                .Select(c => new { ProfileId = EF.Property<int>(c, "ClusterOrganisationId"), c.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ProfileId, c => c.Name);
        var claimed = db.Database.IsNpgsql()
            ? await ClaimOnPostgresAsync([.. profiles.Select(p => (p.Id, p.UpdatedAt))], cancellationToken)
            : await ClaimAsync([.. profiles.Select(p => (p.Id, p.UpdatedAt))], cancellationToken);
        await db.Set<NetworkTerm>().Where(t => EF.Parameter(claimed).Contains(t.ProfileId)).ExecuteDeleteAsync(cancellationToken);
        var claimedSet = claimed.ToHashSet();
        var rows = new List<NetworkTerm>();
        foreach (var profile in profiles.Where(p => claimedSet.Contains(p.Id)))
        {
            // An archived profile is no one's partner: the matcher is never given it.
            if (profile.Status != ProfileStatus.Archived)
            {
                rows.AddRange(PartnerMatcher.TermsOfProfile(profile.Candidate)
                    .Select(term => new NetworkTerm { Kind = NetworkTermKind.Name, Term = term, ProfileId = profile.Id }));
            }
            rows.AddRange(statements[profile.Id].SelectMany(PartnerMatcher.TermsOfText).Distinct()
                .Select(term => new NetworkTerm { Kind = NetworkTermKind.Statement, Term = term, ProfileId = profile.Id }));
        }
        await BulkInsert.InsertAsync(db, rows, null, cancellationToken);
        return claimed.Count;
    }

    /// <summary>
    /// Marks each profile's terms made at the version read, and returns those still at it: a profile written since
    /// stays stale. Grouped by time, as most bulk-written profiles share theirs. (SQLite has one writer at a time.)
    /// </summary>
    private async Task<List<int>> ClaimAsync(List<(int Id, DateTimeOffset UpdatedAt)> versions, CancellationToken cancellationToken)
    {
        foreach (var sameTime in versions.GroupBy(v => v.UpdatedAt))
        {
            var at = sameTime.Key;
            var group = sameTime.Select(v => v.Id).ToList();
            await db.ClusterOrganisations.Where(p => group.Contains(p.Id) && p.UpdatedAt == at)
                .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<DateTimeOffset?>(p, MadeAtProperty), (DateTimeOffset?)at), cancellationToken);
        }
        var ids = versions.Select(v => v.Id).ToList();
        var now = await db.ClusterOrganisations.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.UpdatedAt }).ToDictionaryAsync(p => p.Id, p => p.UpdatedAt, cancellationToken);
        return [.. versions.Where(v => now.TryGetValue(v.Id, out var at) && at == v.UpdatedAt).Select(v => v.Id)];
    }

    /// <summary>
    /// As <see cref="ClaimAsync"/> in one statement, skipping the profiles another transaction holds (a write, another
    /// instance's service) instead of waiting for them: waiting, a batch that holds some profiles could deadlock with a
    /// write that holds others (a vocabulary change stamps many). A skipped profile stays stale, and is read whole.
    /// </summary>
    private async Task<List<int>> ClaimOnPostgresAsync(List<(int Id, DateTimeOffset UpdatedAt)> versions, CancellationToken cancellationToken)
    {
        const string Claim = """
            UPDATE "ClusterOrganisations" AS c SET "NetworkTermsMadeAt" = c."UpdatedAt"
            FROM unnest(@ids, @times) AS v(id, at)
            WHERE c."Id" = v.id AND c."UpdatedAt" = v.at
              AND c."Id" IN (SELECT "Id" FROM "ClusterOrganisations" WHERE "Id" = ANY(@ids) FOR UPDATE SKIP LOCKED)
            RETURNING c."Id"
            """;
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new Npgsql.NpgsqlCommand(Claim, connection, (Npgsql.NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.AddWithValue("ids", versions.Select(v => v.Id).ToArray());
        command.Parameters.AddWithValue("times", versions.Select(v => v.UpdatedAt).ToArray());
        var claimed = new List<int>(versions.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(reader.GetInt32(0));
        }
        return claimed;
    }
}
