using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// The published profiles that a profile's own list of collaborating clusters names, as the network matched them
/// (sure or confirmed links), by each stated collaboration's key (<see cref="NetworkLink.PartnerKeyOf(string, string?)"/>).
/// The profile page links its list by these, the same matches its network section shows: found by slug, a partner
/// written with its acronym or a confirmed misspelling was a link in one and plain text in the other. Read once per
/// profile and network snapshot: a match or a decision builds a new snapshot, and with it the old answers go.
/// </summary>
public sealed class StatedPartnerLinks
{
    public static readonly IReadOnlyDictionary<string, NetworkProfile> None = new Dictionary<string, NetworkProfile>();

    private readonly ConditionalWeakTable<NetworkSnapshot, ConcurrentDictionary<int, IReadOnlyDictionary<string, NetworkProfile>>> bySnapshot = new();

    /// <remarks>The database is asked of <paramref name="requestServices"/> only when the answer is not kept.</remarks>
    public async Task<IReadOnlyDictionary<string, NetworkProfile>> OfAsync(NetworkSnapshot snapshot, int profileId, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var answers = bySnapshot.GetValue(snapshot, _ => new());
        if (answers.TryGetValue(profileId, out var found))
        {
            return found;
        }
        var links = await requestServices.GetRequiredService<Data.ClusterAtlasDbContext>().Set<NetworkLink>().AsNoTracking()
            .Where(l => l.ProfileId == profileId && (l.State == LinkState.Sure || l.State == LinkState.Confirmed))
            .Select(l => new { l.PartnerKey, l.PartnerProfileId, l.State, l.Score })
            .ToListAsync(cancellationToken);
        var partners = new Dictionary<string, NetworkProfile>(StringComparer.Ordinal);
        // One profile per stated collaboration, as a confirmation leaves it: the administrators' choice first.
        foreach (var link in links.OrderByDescending(l => l.State == LinkState.Confirmed).ThenByDescending(l => l.Score))
        {
            if (!partners.ContainsKey(link.PartnerKey) && snapshot.Find(link.PartnerProfileId) is { } partner)
            {
                partners[link.PartnerKey] = partner;
            }
        }
        // Kept for so many profiles at most: a crawl of a million profile pages between two writes would otherwise keep
        // an answer for each.
        return answers.Count < MaxKeptPerSnapshot ? answers.GetOrAdd(profileId, partners) : partners;
    }

    /// <summary>How many profiles' answers are kept for one network snapshot.</summary>
    public const int MaxKeptPerSnapshot = 10_000;
}
