using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>What a profile's administrators decide: a proposed match confirmed or rejected, a recommendation dismissed.</summary>
public sealed class NetworkDecisions(ClusterAtlasDbContext db, NetworkIndex network, TimeProvider clock)
{
    /// <summary>Confirms or rejects a link the profile states; false when it is not one of the profile's.</summary>
    public async Task<bool> DecideAsync(int profileId, long linkId, bool confirm, string? userId, CancellationToken cancellationToken)
    {
        var link = await db.Set<NetworkLink>().SingleOrDefaultAsync(l => l.Id == linkId && l.ProfileId == profileId, cancellationToken);
        if (link is null)
        {
            return false;
        }
        link.State = confirm ? LinkState.Confirmed : LinkState.Rejected;
        link.DecidedByUserId = userId;
        link.UpdatedAt = clock.GetUtcNow();
        if (confirm)
        {
            // One profile per stated collaboration: the other guesses for the same text are rejected with it.
            var others = await db.Set<NetworkLink>()
                .Where(l => l.ProfileId == profileId && l.PartnerKey == link.PartnerKey && l.Id != linkId && l.State != LinkState.Rejected)
                .ToListAsync(cancellationToken);
            foreach (var other in others)
            {
                other.State = LinkState.Rejected;
                other.DecidedByUserId = userId;
                other.UpdatedAt = link.UpdatedAt;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        network.MarkStale();
        return true;
    }

    public async Task DismissAsync(int profileId, int dismissedProfileId, string? userId, CancellationToken cancellationToken)
    {
        if (profileId == dismissedProfileId
            || await db.Set<RecommendationDismissal>().AnyAsync(d => d.ProfileId == profileId && d.DismissedProfileId == dismissedProfileId, cancellationToken)
            || !await db.ClusterOrganisations.AnyAsync(p => p.Id == dismissedProfileId, cancellationToken))
        {
            return;
        }
        db.Add(new RecommendationDismissal { ProfileId = profileId, DismissedProfileId = dismissedProfileId, UserId = userId, DismissedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<int>> DismissedAsync(int profileId, CancellationToken cancellationToken) =>
        (await db.Set<RecommendationDismissal>().Where(d => d.ProfileId == profileId).Select(d => d.DismissedProfileId).ToListAsync(cancellationToken)).ToHashSet();
}
