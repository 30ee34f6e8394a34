using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// A profile's network as its page shows it: its partners on the platform (mutual ones marked), their partners when
/// asked (a plain link, no script: <c>?network=wide</c>), similar clusters for visitors, and for its administrators the
/// clusters they could work with, each with its reasons and a "not relevant" button.
/// </summary>
/// <param name="Preparing">Just after a start, the network not built yet: the page says so rather than wait for it.</param>
/// <param name="Behind">Shown from the network as it was before a write, its rebuild under way: the page is not kept.</param>
public sealed record ProfileNetworkBlock(string Slug, bool MayEdit, bool Wide, int Proposed, IReadOnlyList<ProfileNetworkBlock.Partner> Partners,
    IReadOnlyList<RecommendedCluster> Similar, IReadOnlyList<RecommendedCluster> CouldWorkWith, bool Preparing = false, bool Behind = false)
{
    public const int Shown = 6;

    /// <summary>The query parameter that asks for the wide view, and its one value.</summary>
    public const string ViewParameter = "network", WideView = "wide";

    /// <summary>A value of <see cref="ViewParameter"/> that is no view: said on the page, which shows the partners.</summary>
    public string? UnknownView { get; init; }

    /// <summary>The profiles its own list of collaborating clusters names, as the network matched them (<see cref="StatedPartnerLinks"/>).</summary>
    public IReadOnlyDictionary<string, NetworkProfile> StatedPartners { get; init; } = StatedPartnerLinks.None;

    private static readonly TimeSpan WaitForTheNetwork = TimeSpan.FromSeconds(2);

    public sealed record Partner(NetworkProfile Profile, bool Mutual, IReadOnlyList<NetworkProfile> TheirPartners);

    /// <summary>
    /// The scoped services (the reasons' wording, the suggestions for editors) are asked of
    /// <paramref name="requestServices"/> only when they are used: most views find the similar clusters already kept.
    /// </summary>
    public static Task<ProfileNetworkBlock> LoadAsync(int profileId, string slug, bool mayEdit, bool wide, NetworkIndex network,
        SimilarClusters similarClusters, IServiceProvider requestServices, CancellationToken cancellationToken) =>
        LoadAsync(profileId, slug, mayEdit, wide, network, similarClusters, requestServices, WaitForTheNetwork, cancellationToken);

    /// <summary>
    /// Only the profiles its list of collaborating clusters names (<see cref="StatedPartners"/>), for the print view,
    /// waiting for the network as the page does; <c>Whole</c> is false when the network was not built or behind.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, NetworkProfile> Partners, bool Whole)> StatedPartnersAsync(int profileId, NetworkIndex network,
        IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        if (!network.IsBuilt && !await network.WaitForFirstBuildAsync(WaitForTheNetwork, cancellationToken))
        {
            return (StatedPartnerLinks.None, false);
        }
        var (snapshot, behind) = await network.CurrentOrPreviousAsync(WaitForTheNetwork, cancellationToken);
        return (await requestServices.GetRequiredService<StatedPartnerLinks>().OfAsync(snapshot, profileId, requestServices, cancellationToken), !behind);
    }

    /// <param name="waitForTheNetwork">How long to wait for the network's first build (before saying it is being prepared) or its rebuild after a write (before showing it as it was).</param>
    internal static async Task<ProfileNetworkBlock> LoadAsync(int profileId, string slug, bool mayEdit, bool wide, NetworkIndex network,
        SimilarClusters similarClusters, IServiceProvider requestServices, TimeSpan waitForTheNetwork, CancellationToken cancellationToken)
    {
        // A few thousand profiles' network is built in a moment, worth the wait rather than a page without it (and not
        // kept in the output cache); a million's takes seconds after the directory's, which the page does not wait for.
        if (!network.IsBuilt && !await network.WaitForFirstBuildAsync(waitForTheNetwork, cancellationToken))
        {
            return new ProfileNetworkBlock(slug, mayEdit, wide, 0, [], [], [], Preparing: true);
        }
        var (snapshot, behind) = await network.CurrentOrPreviousAsync(waitForTheNetwork, cancellationToken);
        // Read for the editors alone, and as they are now: the network holds no profile's own list of stated links.
        var proposed = mayEdit
            ? await requestServices.GetRequiredService<Data.ClusterAtlasDbContext>().Set<NetworkLink>()
                .CountAsync(l => l.ProfileId == profileId && l.State == LinkState.Proposed, cancellationToken)
            : 0;
        // An unpublished profile (its administrators' preview) has no place in the network, but its list links the published profiles it names.
        var stated = await requestServices.GetRequiredService<StatedPartnerLinks>().OfAsync(snapshot, profileId, requestServices, cancellationToken);
        var me = snapshot.Find(profileId);
        if (me is null)
        {
            return new ProfileNetworkBlock(slug, mayEdit, wide, proposed, [], [], [], Behind: behind) { StatedPartners = stated };
        }
        var direct = snapshot.PartnersOf(profileId).ToList();
        // Their partners that are its own partners too are listed once, among its partners.
        var known = direct.Select(p => p.Id).Append(profileId).ToHashSet();
        var partners = direct
            .OrderByDescending(p => snapshot.IsMutual(profileId, p.Id)).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new Partner(p, snapshot.IsMutual(profileId, p.Id),
                wide ? [.. snapshot.PartnersOf(p.Id).Where(q => !known.Contains(q.Id)).OrderBy(q => q.Name, StringComparer.CurrentCulture)] : []))
            .ToList();
        var similar = similarClusters.Of(snapshot, me, Shown, requestServices.GetRequiredService<RecommendationReasons>);
        var couldWorkWith = mayEdit
            ? await requestServices.GetRequiredService<PartnerSuggestions>().CouldWorkWithAsync(snapshot, me, Shown, cancellationToken)
            : [];
        return new ProfileNetworkBlock(slug, mayEdit, wide, proposed, partners, similar, couldWorkWith, Behind: behind) { StatedPartners = stated };
    }
}
