using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Network;

/// <summary>A published profile in the network.</summary>
public sealed record NetworkProfile(int Id, int Node, string Slug, string Name, string? CountryCode, int[] SectorIds, ExcellenceLabel? Label);

/// <summary>A stated collaboration matched to a profile, as the pages show it.</summary>
public sealed record StatedLink(long Id, string PartnerKey, string PartnerName, int PartnerProfileId, LinkState State, double Score);

/// <summary>
/// The network at one moment: published profiles, the links stated by each, the undirected graph of collaborations
/// between published profiles, and the recommender's indexes over it.
/// </summary>
public sealed class NetworkSnapshot(
    IReadOnlyList<NetworkProfile> profiles,
    IReadOnlyDictionary<int, List<StatedLink>> linksByProfile,
    HashSet<(int From, int To)> statements,
    RecommenderGraph graph,
    IReadOnlyDictionary<int, VocabularyTerm> terms)
{
    private readonly Dictionary<int, NetworkProfile> _byId = profiles.ToDictionary(p => p.Id);
    private CountryPairEdges? _countryPairs;

    /// <summary>Published profiles by their graph node.</summary>
    public IReadOnlyList<NetworkProfile> Profiles { get; } = profiles;
    public RecommenderGraph Graph { get; } = graph;
    public IReadOnlyDictionary<int, VocabularyTerm> Terms { get; } = terms;

    public NetworkProfile? Find(int profileId) => _byId.GetValueOrDefault(profileId);

    public IReadOnlyList<StatedLink> LinksOf(int profileId) => linksByProfile.GetValueOrDefault(profileId) ?? [];

    /// <summary>Both sides state the collaboration (and both are linked).</summary>
    public bool IsMutual(int a, int b) => statements.Contains((a, b)) && statements.Contains((b, a));

    public bool States(int from, int to) => statements.Contains((from, to));

    /// <summary>The published partners of a published profile, either side stating it.</summary>
    public IEnumerable<NetworkProfile> PartnersOf(int profileId) =>
        Find(profileId) is { } profile ? Graph.Neighbours[profile.Node].Select(n => Profiles[n]) : [];

    /// <summary>The collaborations as pairs of countries, for the statistics: built on first use, once per snapshot.</summary>
    public CountryPairEdges CountryPairs => LazyInitializer.EnsureInitialized(ref _countryPairs, () => new CountryPairEdges(this));

    /// <summary>Every collaboration once (lower id first), between published profiles.</summary>
    public IEnumerable<(NetworkProfile A, NetworkProfile B, bool Mutual)> Edges()
    {
        for (var i = 0; i < Profiles.Count; i++)
        {
            foreach (var j in Graph.Neighbours[i])
            {
                if (i < j)
                {
                    yield return (Profiles[i], Profiles[j], IsMutual(Profiles[i].Id, Profiles[j].Id));
                }
            }
        }
    }
}
