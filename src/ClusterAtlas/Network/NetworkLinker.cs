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
/// </summary>
public sealed class NetworkLinker(ClusterAtlasDbContext db, TimeProvider clock)
{
    private sealed record Statement(int ProfileId, string Name, string? CountryCode);

    public Task<int> UpdateAllAsync(CancellationToken cancellationToken) => UpdateAsync(null, cancellationToken);

    /// <summary>
    /// After <paramref name="written"/> profiles changed: the collaborations they state, and those of other profiles
    /// that could name them (the matcher finds one of them for the text, or the text already links to one) are matched
    /// again against every profile, so a new or renamed profile links texts written before it, and a sure match that
    /// another profile now answers as well becomes a proposal. Nothing else is read for matching or written.
    /// </summary>
    public Task<int> UpdateForAsync(IReadOnlyCollection<int> written, CancellationToken cancellationToken) => UpdateAsync(written, cancellationToken);

    private async Task<int> UpdateAsync(IReadOnlyCollection<int>? written, CancellationToken cancellationToken)
    {
        var candidates = await db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.Status != ProfileStatus.Archived)
            .Select(p => new MatchCandidate(p.Id, p.Name, p.Acronym, p.LocalName, p.CountryCode))
            .ToListAsync(cancellationToken);
        var matcher = new PartnerMatcher(candidates);
        var stated = (await db.Set<CollaboratingCluster>().AsNoTracking()
                .Select(c => new Statement(EF.Property<int>(c, "ClusterOrganisationId"), c.Name, c.CountryCode))
                .ToListAsync(cancellationToken))
            .DistinctBy(s => (s.ProfileId, NetworkLink.PartnerKeyOf(s.Name, s.CountryCode)))
            .ToList();
        List<NetworkLink> existingRows;
        Func<NetworkLink, bool> inScope = _ => true;
        if (written is not null)
        {
            var writtenIds = written.ToHashSet();
            var ids = writtenIds.ToList();
            var nameable = new PartnerMatcher(candidates.Where(c => writtenIds.Contains(c.ProfileId)));
            var pointing = (await db.Set<NetworkLink>().AsNoTracking().Where(l => ids.Contains(l.PartnerProfileId))
                .Select(l => new { l.ProfileId, l.PartnerKey }).ToListAsync(cancellationToken)).Select(l => (l.ProfileId, l.PartnerKey)).ToHashSet();
            stated = [.. stated.Where(s => writtenIds.Contains(s.ProfileId)
                || pointing.Contains((s.ProfileId, NetworkLink.PartnerKeyOf(s.Name, s.CountryCode)))
                || nameable.Match(s.Name, s.CountryCode, s.ProfileId).Count > 0)];
            var affected = stated.Select(s => (s.ProfileId, NetworkLink.PartnerKeyOf(s.Name, s.CountryCode))).ToHashSet();
            var owners = stated.Select(s => s.ProfileId).Concat(writtenIds).Distinct().ToList();
            existingRows = await db.Set<NetworkLink>().Where(l => owners.Contains(l.ProfileId)).ToListAsync(cancellationToken);
            // A written profile's own links are all in question (a text it no longer states goes); another's only for the affected texts.
            inScope = row => writtenIds.Contains(row.ProfileId) || affected.Contains((row.ProfileId, row.PartnerKey));
        }
        else
        {
            existingRows = await db.Set<NetworkLink>().ToListAsync(cancellationToken);
        }
        var existing = existingRows.ToLookup(l => (l.ProfileId, l.PartnerKey));
        var now = clock.GetUtcNow();
        var wanted = new HashSet<long>();
        var changes = 0;
        foreach (var partner in stated)
        {
            var key = NetworkLink.PartnerKeyOf(partner.Name, partner.CountryCode);
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
        await db.SaveChangesAsync(cancellationToken);
        return changes;
    }

    private static string Shorten(string name) => name.Length > NetworkLink.MaxKeyLength ? name[..NetworkLink.MaxKeyLength] : name;
}
