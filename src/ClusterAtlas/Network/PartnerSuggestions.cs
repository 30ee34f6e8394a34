namespace ClusterAtlas.Network;

/// <summary>
/// "Clusters you could work with" for one profile, as its administrators see them on the profile page and in their
/// account: the recommender's best, without the ones they marked not relevant, each with its reasons in words.
/// </summary>
public sealed class PartnerSuggestions(NetworkDecisions decisions, RecommendationReasons reasons)
{
    public async Task<IReadOnlyList<RecommendedCluster>> CouldWorkWithAsync(NetworkSnapshot snapshot, NetworkProfile profile, int count, CancellationToken cancellationToken)
    {
        var dismissed = await decisions.DismissedAsync(profile.Id, cancellationToken);
        var excluded = dismissed.Select(id => snapshot.Find(id)?.Node ?? -1).ToHashSet();
        return [.. Recommender.Recommend(snapshot.Graph, profile.Node, count, similarOnly: false, excluded)
            .Select(r => new RecommendedCluster(snapshot.Profiles[r.Node], reasons.Explain(snapshot, r)))];
    }
}
