using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ClusterAtlas.Network;

/// <summary>
/// The "similar clusters" a profile page shows its visitors, computed once per profile, language and network snapshot
/// instead of on every request (it was a twentieth of the uncached page's time). Kept beside the snapshot they were
/// computed from: a change to the network builds a new snapshot, and with it the old answers go.
/// </summary>
public sealed class SimilarClusters
{
    private readonly ConditionalWeakTable<NetworkSnapshot, ConcurrentDictionary<(int Profile, string Culture), IReadOnlyList<RecommendedCluster>>> bySnapshot = new();

    /// <summary>Up to <paramref name="shown"/> clusters like <paramref name="me"/>, each with its reasons in the current language.</summary>
    /// <remarks><paramref name="reasons"/> is asked for only when the answer is computed (it is a scoped service).</remarks>
    public IReadOnlyList<RecommendedCluster> Of(NetworkSnapshot snapshot, NetworkProfile me, int shown, Func<RecommendationReasons> reasons)
    {
        var answers = bySnapshot.GetValue(snapshot, _ => new());
        var key = (me.Id, CultureInfo.CurrentUICulture.Name + "|" + CultureInfo.CurrentCulture.Name);
        if (answers.TryGetValue(key, out var found))
        {
            return found;
        }
        var wording = reasons();
        IReadOnlyList<RecommendedCluster> similar = [.. Recommender.Recommend(snapshot.Graph, me.Node, shown, similarOnly: true)
            .Select(r => new RecommendedCluster(snapshot.Profiles[r.Node], wording.Explain(snapshot, r)))];
        return answers.GetOrAdd(key, similar);
    }
}
