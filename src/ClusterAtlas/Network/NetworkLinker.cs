using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// Matches stated collaborating clusters to profiles and brings the stored links up to date: sure matches link,
/// uncertain ones are proposed to the profile's administrators, their confirmations and rejections are kept (a
/// rejected guess is never proposed again), and links of collaborations no longer stated are removed. Only the
/// differences are written. <see cref="UpdateForAsync"/> does it for what a write touched, in that write's
/// transaction; <see cref="UpdateAllAsync"/> for every profile.
/// <para>
/// Each profile keeps, in the database, the change time at which its collaborations were last matched
/// (<see cref="MatchedAtProperty"/>); both methods set it on the profiles they matched, in the same transaction as the
/// links. A profile whose change time differs was written without matching (a bulk load that deferred it, a save of
/// its contact settings, a change made outside the platform): <see cref="UnmatchedAsync"/> finds those, for every
/// instance alike, and a restart or a new instance finds nothing to do.
/// </para>
/// </summary>
public sealed class NetworkLinker(ClusterAtlasDbContext db, NetworkTerms terms, TimeProvider clock)
{
    /// <summary>The profiles' column (not part of the profile's content) with the change time their links were matched at.</summary>
    public const string MatchedAtProperty = "NetworkMatchedAt";

    /// <summary>
    /// Above this many profiles to match, every collaboration is matched again. Matching a few costs reading every name
    /// and statement whatever their number (seconds at 100,000 profiles), matching all compares every statement
    /// (minutes there): 200, the limit before, sent an import of 201 profiles into the minutes.
    /// </summary>
    public const int IncrementalLimit = 5000;

    /// <summary>A stated collaboration with its key (folded name and country), folded once.</summary>
    private sealed record Statement(int ProfileId, string Name, string? CountryCode, string Key);

    /// <summary>A profile as it was when its matching began: only that version is marked matched.</summary>
    public readonly record struct ProfileVersion(int Id, DateTimeOffset UpdatedAt);

    public Task<int> UpdateAllAsync(CancellationToken cancellationToken) => UpdateAsync(null, cancellationToken);

    /// <summary>
    /// Profiles written since their collaborations were last matched (at most <paramref name="limit"/>); a partial index
    /// holds only these, so the look costs nothing when there are none.
    /// </summary>
    public async Task<List<ProfileVersion>> UnmatchedAsync(int limit, CancellationToken cancellationToken) =>
        await db.ClusterOrganisations.AsNoTracking()
            .Where(p => EF.Property<DateTimeOffset?>(p, MatchedAtProperty) == null || EF.Property<DateTimeOffset?>(p, MatchedAtProperty) != p.UpdatedAt)
            // In the partial index's order: ordered by id, SQLite read the whole table, and PostgreSQL (which takes the
            // two times for different in nearly every row) too, 0.4 s at 100,000 profiles; this way both read the index.
            .OrderBy(p => EF.Property<DateTimeOffset?>(p, MatchedAtProperty))
            .Take(limit)
            .Select(p => new ProfileVersion(p.Id, p.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// After <paramref name="written"/> profiles changed: the collaborations they state, and those of other profiles
    /// that could name them (the matcher finds one of them for the text, or the text already links to one) are matched
    /// again against every profile, so a new or renamed profile links texts written before it, and a sure match that
    /// another profile now answers as well becomes a proposal. Nothing else is read for matching or written.
    /// </summary>
    public Task<int> UpdateForAsync(IReadOnlyCollection<int> written, CancellationToken cancellationToken) => UpdateAsync(written, cancellationToken);

    private async Task<int> UpdateAsync(IReadOnlyCollection<int>? written, CancellationToken cancellationToken)
    {
        // The versions read before any matching are those marked matched after it: a version written meanwhile (by
        // another transaction, stamped later) keeps its difference and is matched at the next look.
        var versions = written is null
            ? await UnmatchedAsync(int.MaxValue, cancellationToken)
            : await VersionsAsync(written, cancellationToken);
        var (timesBefore, matcher, stated, existingRows, inScope) = written is null
            ? await EverythingAsync(cancellationToken)
            : await ScopeOfAsync(written, cancellationToken);
        var existing = existingRows.ToLookup(l => (l.ProfileId, l.PartnerKey));
        var now = clock.GetUtcNow();
        var wanted = new HashSet<long>();
        var changes = 0;
        foreach (var partner in stated)
        {
            var key = partner.Key;
            var rows = existing[(partner.ProfileId, key)].ToList();
            if (rows.Any(r => r.State == LinkState.Confirmed))
            {
                continue;
            }
            var rejected = rows.Where(r => r.State == LinkState.Rejected).Select(r => r.PartnerProfileId).ToHashSet();
            foreach (var match in matcher.Match(partner.Name, partner.CountryCode, partner.ProfileId).Where(m => !rejected.Contains(m.ProfileId)))
            {
                var state = match.Certainty == MatchCertainty.Sure ? LinkState.Sure : LinkState.Proposed;
                var row = rows.FirstOrDefault(r => r.PartnerProfileId == match.ProfileId);
                if (row is null)
                {
                    row = new NetworkLink
                    {
                        ProfileId = partner.ProfileId, PartnerKey = key, PartnerName = Shorten(partner.Name), PartnerProfileId = match.ProfileId,
                        Score = match.Score, State = state, UpdatedAt = now,
                    };
                    db.Add(row);
                    changes++;
                }
                else if (row.State != state)
                {
                    row.State = state;
                    row.Score = match.Score;
                    row.UpdatedAt = now;
                    changes++;
                }
                wanted.Add(row.Id);
            }
        }
        // Guesses no longer made (the text changed, or a better profile appeared) go; decisions stay.
        foreach (var row in existingRows)
        {
            if (row.State is LinkState.Sure or LinkState.Proposed && !wanted.Contains(row.Id) && inScope(row))
            {
                db.Remove(row);
                changes++;
            }
        }
        var changedOwners = db.ChangeTracker.Entries<NetworkLink>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.ProfileId).ToHashSet();
        await db.SaveChangesAsync(cancellationToken);
        await MarkMatchedAsync(versions, cancellationToken);
        await UnmarkChangedMeanwhileAsync(changedOwners, timesBefore, cancellationToken);
        return changes;
    }

    /// <summary>
    /// What one match reads: the owners' change times (read before their statements), the matcher, the statements to
    /// match, the stored links they may change, and which of those links are in question.
    /// </summary>
    private sealed record MatchScope(
        Dictionary<int, DateTimeOffset> TimesBefore, PartnerMatcher Matcher, List<Statement> Stated, List<NetworkLink> ExistingRows, Func<NetworkLink, bool> InScope);

    /// <summary>A whole match: every statement against every profile, every link in question.</summary>
    private async Task<MatchScope> EverythingAsync(CancellationToken cancellationToken)
    {
        var timesBefore = await TimesAsync(cancellationToken);
        var matcher = new PartnerMatcher(await CandidatesAsync(db.ClusterOrganisations, cancellationToken));
        var stated = await StatementsAsync(db.Set<CollaboratingCluster>(), cancellationToken);
        return new MatchScope(timesBefore, matcher, stated, await db.Set<NetworkLink>().ToListAsync(cancellationToken), _ => true);
    }

    /// <summary>
    /// After <paramref name="written"/> changed: their own statements, and those of other profiles that the written
    /// ones may now be named by (the matcher finds one of them for the text) or are named by now (a link points to one),
    /// each against the profiles it may name. Profiles and statements are found through the term index
    /// (<see cref="NetworkTerms"/>), so what is read grows with the change, not with the platform; profiles whose terms
    /// are stale are read whole. The written profiles' names as the index held them are read first, then their terms are
    /// made, in this transaction.
    /// </summary>
    private async Task<MatchScope> ScopeOfAsync(IReadOnlyCollection<int> written, CancellationToken cancellationToken)
    {
        var writtenIds = written.ToHashSet();
        var ids = writtenIds.ToList();
        // The written profiles' names as the index held them: what their words were counted by until now.
        // The kind told apart here, not in the query: given both, SQLite's planner (its statistics sampled) took the
        // kind's index and read every name row, 1.8 s at a million profiles, where the profile's index reads a few rows.
        var namesBefore = (await db.Set<NetworkTerm>().AsNoTracking()
                .Where(t => EF.Parameter(ids).Contains(t.ProfileId))
                .Select(t => new { t.Kind, t.Term }).ToListAsync(cancellationToken))
            .Where(t => t.Kind == NetworkTermKind.Name).Select(t => t.Term).ToList();
        await terms.MakeAsync(written, cancellationToken);
        var stale = await terms.StaleAsync(int.MaxValue, cancellationToken);
        var staleCandidates = await CandidatesAsync(db.ClusterOrganisations.Where(p => EF.Parameter(stale).Contains(p.Id)), cancellationToken);
        var writtenCandidates = await CandidatesAsync(db.ClusterOrganisations.Where(p => ids.Contains(p.Id)), cancellationToken);
        await UnmatchWhereAWordCrossedTheLimitAsync(namesBefore, writtenCandidates, writtenIds, stale, staleCandidates, cancellationToken);

        // Whose statements may name a written profile: found by the written profiles' terms, whoever links to one now,
        // and every stale profile (its terms are not trusted).
        var byName = await CommonWordsAsync(writtenCandidates.SelectMany(PartnerMatcher.TermsOfProfile), stale, staleCandidates, cancellationToken);
        var stating = byName.Terms;
        var pointingRows = await db.Set<NetworkLink>().AsNoTracking().Where(l => ids.Contains(l.PartnerProfileId))
            .Select(l => new { l.ProfileId, l.PartnerKey }).ToListAsync(cancellationToken);
        var pointing = pointingRows.Select(l => (l.ProfileId, l.PartnerKey)).ToHashSet();
        var owners = (await db.Set<NetworkTerm>().AsNoTracking()
                .Where(t => t.Kind == NetworkTermKind.Statement && EF.Parameter(stating).Contains(t.Term))
                .Select(t => t.ProfileId).Distinct().ToListAsync(cancellationToken))
            .Concat(stale).Concat(writtenIds).Concat(pointingRows.Select(l => l.ProfileId))
            .Distinct().ToList();
        // The owners' times before their statements, as in a whole match.
        var timesBefore = await db.ClusterOrganisations.AsNoTracking().Where(p => EF.Parameter(owners).Contains(p.Id))
            .Select(p => new { p.Id, p.UpdatedAt }).ToDictionaryAsync(p => p.Id, p => p.UpdatedAt, cancellationToken);
        var nameable = new PartnerMatcher(writtenCandidates, byName.Words);
        var stated = (await StatementsAsync(db.Set<CollaboratingCluster>().Where(c => EF.Parameter(owners).Contains(EF.Property<int>(c, "ClusterOrganisationId"))), cancellationToken))
            .Where(s => writtenIds.Contains(s.ProfileId)
                || pointing.Contains((s.ProfileId, s.Key))
                || nameable.Match(s.Name, s.CountryCode, s.ProfileId).Count > 0)
            .ToList();

        // The profiles those statements may name: found by their terms, and every stale profile. The words too common to
        // be looked up are told to the matcher, which then answers as one given every profile would.
        var byText = await CommonWordsAsync(stated.SelectMany(s => PartnerMatcher.TermsOfText(s.Name)), stale, staleCandidates, cancellationToken);
        var naming = byText.Terms;
        var known = stale.Concat(ids).ToList();
        var namingRows = db.Set<NetworkTerm>().Where(t => t.Kind == NetworkTermKind.Name && EF.Parameter(naming).Contains(t.Term));
        var named = await CandidatesAsync(
            db.ClusterOrganisations.Where(p => namingRows.Select(t => t.ProfileId).Contains(p.Id) && !EF.Parameter(known).Contains(p.Id)), cancellationToken);
        var candidates = staleCandidates.Concat(writtenCandidates).DistinctBy(c => c.ProfileId).Concat(named);
        var matcher = new PartnerMatcher(candidates, byText.Words);

        var affected = stated.Select(s => (s.ProfileId, s.Key)).ToHashSet();
        var statingOwners = stated.Select(s => s.ProfileId).Concat(writtenIds).Distinct().ToList();
        var existingRows = await db.Set<NetworkLink>().Where(l => EF.Parameter(statingOwners).Contains(l.ProfileId)).ToListAsync(cancellationToken);
        // A written profile's own links are all in question (a text it no longer states goes); another's only for the affected texts.
        return new MatchScope(timesBefore, matcher, stated, existingRows,
            row => writtenIds.Contains(row.ProfileId) || affected.Contains((row.ProfileId, row.PartnerKey)));
    }

    /// <summary>
    /// A write that takes a word of names across the matcher's limit (the 2,001st profile with it, or the 2,000th again)
    /// changes what every statement with that word matches, not only those in its scope: whole matching looks profiles
    /// up by the word below the limit and never above it. Their owners are left unmatched, and the network's next look
    /// matches them again, as it does profiles written without matching.
    /// </summary>
    private async Task UnmatchWhereAWordCrossedTheLimitAsync(List<string> namesBefore, List<MatchCandidate> writtenCandidates,
        HashSet<int> writtenIds, List<int> stale, List<MatchCandidate> staleCandidates, CancellationToken cancellationToken)
    {
        // How many more of the written profiles have each word than had it (each profile's terms are distinct): the
        // other profiles' words did not change.
        var gained = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (term, change) in namesBefore.Select(t => (t, -1)).Concat(writtenCandidates.SelectMany(PartnerMatcher.TermsOfProfile).Select(t => (t, 1))))
        {
            if (term.StartsWith(PartnerMatcher.WordTerm, StringComparison.Ordinal))
            {
                gained[term] = gained.GetValueOrDefault(term) + change;
            }
        }
        var changed = gained.Where(g => g.Value != 0).Select(g => g.Key).ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var counts = await WordCountsAsync(changed, stale, staleCandidates, cancellationToken);
        var crossed = changed.Where(word =>
        {
            var now = counts.GetValueOrDefault(word);
            return now > PartnerMatcher.MaxProfilesPerWord != now - gained[word] > PartnerMatcher.MaxProfilesPerWord;
        }).ToList();
        if (crossed.Count == 0)
        {
            return;
        }
        // The owners found by their statements' terms, and the stale profiles, whose terms may not show the word yet.
        var owners = db.Set<NetworkTerm>().Where(t => t.Kind == NetworkTermKind.Statement && EF.Parameter(crossed).Contains(t.Term)).Select(t => t.ProfileId);
        await db.ClusterOrganisations.Where(p => (owners.Contains(p.Id) || EF.Parameter(stale).Contains(p.Id)) && !EF.Parameter(writtenIds.ToList()).Contains(p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<DateTimeOffset?>(p, MatchedAtProperty), (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>
    /// Of <paramref name="lookedFor"/>: the words shared by more profiles than the matcher looks up by a word (counted
    /// by <see cref="WordCountsAsync"/>), and the terms left to look up.
    /// </summary>
    private async Task<(IReadOnlySet<string> Words, List<string> Terms)> CommonWordsAsync(
        IEnumerable<string> lookedFor, List<int> stale, List<MatchCandidate> staleCandidates, CancellationToken cancellationToken)
    {
        var all = lookedFor.ToHashSet(StringComparer.Ordinal);
        var words = all.Where(t => t.StartsWith(PartnerMatcher.WordTerm, StringComparison.Ordinal)).ToList();
        if (words.Count == 0)
        {
            return (new HashSet<string>(), [.. all]);
        }
        var counts = await WordCountsAsync(words, stale, staleCandidates, cancellationToken);
        var common = counts.Where(c => c.Value > PartnerMatcher.MaxProfilesPerWord).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return (common.Select(t => t[PartnerMatcher.WordTerm.Length..]).ToHashSet(StringComparer.Ordinal), [.. all.Where(t => !common.Contains(t))]);
    }

    /// <summary>
    /// How many profiles' names have each of <paramref name="words"/> (terms, "w:..."): counted on the stored terms, less
    /// those of the stale profiles, plus the stale profiles' own names.
    /// </summary>
    private async Task<Dictionary<string, int>> WordCountsAsync(List<string> words, List<int> stale, List<MatchCandidate> staleCandidates, CancellationToken cancellationToken)
    {
        var all = words.ToHashSet(StringComparer.Ordinal);
        // Counted on the term index alone (a join with the profiles to leave the stale ones out read them all: a second
        // at 100,000 profiles for common words); the stale profiles' rows are few and taken off after.
        var rows = db.Set<NetworkTerm>().AsNoTracking().Where(t => t.Kind == NetworkTermKind.Name && EF.Parameter(words).Contains(t.Term));
        var counts = await rows.GroupBy(t => t.Term).Select(g => new { Term = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Term, g => g.Count, StringComparer.Ordinal, cancellationToken);
        if (stale.Count > 0)
        {
            // A stale profile whose terms were made between the two reads has rows here that the count did not see: a
            // count then one short near the limit, never a failure.
            foreach (var term in await rows.Where(t => EF.Parameter(stale).Contains(t.ProfileId)).Select(t => t.Term).ToListAsync(cancellationToken))
            {
                counts[term] = counts.GetValueOrDefault(term) - 1;
            }
            foreach (var term in staleCandidates.SelectMany(PartnerMatcher.TermsOfProfile).Where(t => t.StartsWith(PartnerMatcher.WordTerm, StringComparison.Ordinal) && all.Contains(t)))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }
        return counts;
    }

    /// <summary>The matcher's view of those of <paramref name="profiles"/> that are not archived.</summary>
    private static async Task<List<MatchCandidate>> CandidatesAsync(IQueryable<ClusterOrganisation> profiles, CancellationToken cancellationToken) =>
        await profiles.AsNoTracking()
            .Where(p => p.Status != ProfileStatus.Archived)
            .Select(p => new MatchCandidate(p.Id, p.Name, p.Acronym, p.LocalName, p.CountryCode))
            .ToListAsync(cancellationToken);

    /// <summary>The statements of <paramref name="rows"/>, each profile's text and country once.</summary>
    private static async Task<List<Statement>> StatementsAsync(IQueryable<CollaboratingCluster> rows, CancellationToken cancellationToken) =>
        [.. (await rows.AsNoTracking()
                .Select(c => new { ProfileId = EF.Property<int>(c, "ClusterOrganisationId"), c.Name, c.CountryCode })
                .ToListAsync(cancellationToken))
            .Select(s => new Statement(s.ProfileId, s.Name, s.CountryCode, NetworkLink.PartnerKeyOf(s.Name, s.CountryCode)))
            .DistinctBy(s => (s.ProfileId, s.Key))];

    /// <summary>Every profile's change time (an index-only read): what the matching began from.</summary>
    private async Task<Dictionary<int, DateTimeOffset>> TimesAsync(CancellationToken cancellationToken) =>
        await db.ClusterOrganisations.AsNoTracking().Select(p => new { p.Id, p.UpdatedAt }).ToDictionaryAsync(p => p.Id, p => p.UpdatedAt, cancellationToken);

    /// <summary>
    /// A profile written by another transaction while this one matched from its older statements may have had its links
    /// replaced by links of those: whatever marks it carries, it is left unmatched, and matched again at the next look.
    /// </summary>
    private async Task UnmarkChangedMeanwhileAsync(HashSet<int> owners, Dictionary<int, DateTimeOffset> timesBefore, CancellationToken cancellationToken)
    {
        foreach (var chunk in owners.Chunk(500))
        {
            var now = await db.ClusterOrganisations.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.UpdatedAt }).ToListAsync(cancellationToken);
            var moved = now.Where(p => !timesBefore.TryGetValue(p.Id, out var before) || before != p.UpdatedAt).Select(p => p.Id).ToList();
            if (moved.Count > 0)
            {
                await db.ClusterOrganisations.Where(p => moved.Contains(p.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<DateTimeOffset?>(p, MatchedAtProperty), (DateTimeOffset?)null), cancellationToken);
            }
        }
    }

    private async Task<List<ProfileVersion>> VersionsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var versions = new List<ProfileVersion>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            versions.AddRange(await db.ClusterOrganisations.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new ProfileVersion(p.Id, p.UpdatedAt)).ToListAsync(cancellationToken));
        }
        return versions;
    }

    /// <summary>Marks each version matched, unless its profile was written again since (its time then differs).</summary>
    private async Task MarkMatchedAsync(List<ProfileVersion> versions, CancellationToken cancellationToken)
    {
        foreach (var sameTime in versions.GroupBy(v => v.UpdatedAt))
        {
            var at = sameTime.Key;
            foreach (var chunk in sameTime.Select(v => v.Id).Chunk(500))
            {
                await db.ClusterOrganisations.Where(p => chunk.Contains(p.Id) && p.UpdatedAt == at)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<DateTimeOffset?>(p, MatchedAtProperty), p => (DateTimeOffset?)p.UpdatedAt), cancellationToken);
            }
        }
    }

    private static string Shorten(string name) => name.Length > NetworkLink.MaxKeyLength ? name[..NetworkLink.MaxKeyLength] : name;
}
