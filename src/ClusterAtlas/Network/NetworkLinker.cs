using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// Matches every profile's collaborating clusters to profiles and brings the stored links up to date: sure matches
/// link, uncertain ones are proposed to the profile's administrators, their confirmations and rejections are kept
/// (a rejected guess is never proposed again), and links of collaborations no longer stated are removed.
/// Only the differences are written.
/// </summary>
public sealed class NetworkLinker(ClusterAtlasDbContext db, TimeProvider clock)
{
    public async Task<int> UpdateAllAsync(CancellationToken cancellationToken)
    {
        var candidates = await db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.Status != ProfileStatus.Archived)
            .Select(p => new MatchCandidate(p.Id, p.Name, p.Acronym, p.LocalName, p.CountryCode))
            .ToListAsync(cancellationToken);
        var matcher = new PartnerMatcher(candidates);
        var stated = await db.Set<CollaboratingCluster>().AsNoTracking()
            .Select(c => new { ProfileId = EF.Property<int>(c, "ClusterOrganisationId"), c.Name, c.CountryCode })
            .ToListAsync(cancellationToken);
        var existing = (await db.Set<NetworkLink>().ToListAsync(cancellationToken)).ToLookup(l => (l.ProfileId, l.PartnerKey));
        var now = clock.GetUtcNow();
        var wanted = new HashSet<long>();
        var changes = 0;
        foreach (var partner in stated.DistinctBy(s => (s.ProfileId, NetworkLink.PartnerKeyOf(s.Name, s.CountryCode))))
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
        foreach (var row in existing.SelectMany(g => g))
        {
            if (row.State is LinkState.Sure or LinkState.Proposed && !wanted.Contains(row.Id))
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
