using System.Collections;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Network;

/// <summary>A published profile in the network (sample profiles are marked where they are shown, as everywhere).</summary>
public sealed record NetworkProfile(int Id, int Node, string Slug, string Name, string? CountryCode, int[] SectorIds, ExcellenceLabel? Label, bool IsSampleData);

/// <summary>
/// The network at one moment: the published profiles of one directory snapshot (a profile's graph node is its entry's
/// position), the collaborations stated between them, the undirected graph of those collaborations, and the
/// recommender's indexes over it. Names, slugs and countries are the directory's, read when a profile is shown: an
/// object per profile with its own strings, and every stated link with its partner's name, held most of the 1.7 GB
/// the network took at a million profiles (docs/decisions/0038).
/// </summary>
public sealed class NetworkSnapshot
{
    private readonly HashSet<(int From, int To)> _statements;
    private CountryPairEdges? _countryPairs;

    public NetworkSnapshot(DirectorySnapshot directory, HashSet<(int From, int To)> statements, RecommenderGraph graph, IReadOnlyDictionary<int, VocabularyTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Count != directory.Entries.Count)
        {
            throw new ArgumentException("The graph has a node for each of the directory's entries.", nameof(graph));
        }
        Directory = directory;
        _statements = statements;
        Graph = graph;
        Terms = terms;
        Profiles = new ProfileList(this);
    }

    /// <summary>The directory snapshot the network was built from.</summary>
    public DirectorySnapshot Directory { get; }

    /// <summary>Published profiles by their graph node, each read from the directory when asked for.</summary>
    public IReadOnlyList<NetworkProfile> Profiles { get; }
    public RecommenderGraph Graph { get; }
    public IReadOnlyDictionary<int, VocabularyTerm> Terms { get; }

    public NetworkProfile? Find(int profileId) => NodeOf(profileId) is var node && node >= 0 ? Profiles[node] : null;

    /// <summary>The graph node of a published profile, or -1.</summary>
    public int NodeOf(int profileId) => Directory.PositionOf(profileId);

    /// <summary>Both sides state the collaboration (and both are linked).</summary>
    public bool IsMutual(int a, int b) => _statements.Contains((a, b)) && _statements.Contains((b, a));

    public bool States(int from, int to) => _statements.Contains((from, to));

    /// <summary>The published partners of a published profile, either side stating it.</summary>
    public IEnumerable<NetworkProfile> PartnersOf(int profileId) =>
        NodeOf(profileId) is var node && node >= 0 ? Graph.Neighbours[node].Select(n => Profiles[n]) : [];

    /// <summary>The collaborations as pairs of countries, for the statistics: built on first use, once per snapshot.</summary>
    public CountryPairEdges CountryPairs => LazyInitializer.EnsureInitialized(ref _countryPairs, () => new CountryPairEdges(this));

    /// <summary>Every collaboration once (lower node first), between published profiles, as graph nodes.</summary>
    public IEnumerable<(int A, int B, bool Mutual)> Edges()
    {
        var ids = Directory.Entries;
        for (var i = 0; i < Graph.Count; i++)
        {
            foreach (var j in Graph.Neighbours[i])
            {
                if (i < j)
                {
                    yield return (i, j, IsMutual(ids[i].Id, ids[j].Id));
                }
            }
        }
    }

    private NetworkProfile ProfileAt(int node)
    {
        var entry = Directory.Entries[node];
        return new NetworkProfile(entry.Id, node, entry.Slug, entry.Name, entry.CountryCode, Graph.Nodes.Sectors(node).ToArray(), entry.Label, entry.IsSampleData);
    }

    private sealed class ProfileList(NetworkSnapshot network) : IReadOnlyList<NetworkProfile>
    {
        public NetworkProfile this[int index] => network.ProfileAt(index);

        public int Count => network.Graph.Count;

        public IEnumerator<NetworkProfile> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
