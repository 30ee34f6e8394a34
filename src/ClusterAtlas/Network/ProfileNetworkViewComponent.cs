using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Network;

/// <summary>
/// A profile's network on its page: its partners on the platform (mutual ones marked), their partners when asked
/// (a plain link, no script), similar clusters for visitors, and for its administrators the clusters they could work
/// with, each with its reasons and a "not relevant" button.
/// </summary>
public sealed class ProfileNetworkViewComponent(NetworkIndex network, PartnerSuggestions suggestions, SimilarClusters similarClusters, RecommendationReasons reasons) : ViewComponent
{
    public const int Shown = 6;

    public sealed record Partner(NetworkProfile Profile, bool Mutual, IReadOnlyList<NetworkProfile> TheirPartners);

    public sealed record Model(string Slug, bool MayEdit, bool Wide, int Proposed, IReadOnlyList<Partner> Partners,
        IReadOnlyList<RecommendedCluster> Similar, IReadOnlyList<RecommendedCluster> CouldWorkWith);

    public async Task<IViewComponentResult> InvokeAsync(int profileId, string slug, bool mayEdit)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var snapshot = await network.CurrentAsync(cancellationToken);
        var wide = string.Equals(HttpContext.Request.Query["network"], "wide", StringComparison.Ordinal);
        var proposed = mayEdit ? snapshot.LinksOf(profileId).Count(l => l.State == LinkState.Proposed) : 0;
        var me = snapshot.Find(profileId);
        if (me is null)
        {
            return View("/Network/_ProfileNetwork.cshtml", new Model(slug, mayEdit, wide, proposed, [], [], []));
        }
        var partners = snapshot.PartnersOf(profileId)
            .OrderByDescending(p => snapshot.IsMutual(profileId, p.Id)).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new Partner(p, snapshot.IsMutual(profileId, p.Id),
                wide ? [.. snapshot.PartnersOf(p.Id).Where(q => q.Id != profileId).OrderBy(q => q.Name, StringComparer.CurrentCulture)] : []))
            .ToList();
        var similar = similarClusters.Of(snapshot, me, Shown, reasons);
        var couldWorkWith = mayEdit ? await suggestions.CouldWorkWithAsync(snapshot, me, Shown, cancellationToken) : [];
        return View("/Network/_ProfileNetwork.cshtml", new Model(slug, mayEdit, wide, proposed, partners, similar, couldWorkWith));
    }
}
