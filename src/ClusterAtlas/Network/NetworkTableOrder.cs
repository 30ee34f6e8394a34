using System.Runtime.CompilerServices;

namespace ClusterAtlas.Network;

/// <summary>
/// The network table's order of collaborations: by the first side's name, then the second's, in the directory's own
/// name order (names without regard to case, then ids; kept with the directory's entries). Computed once per network
/// snapshot, as <see cref="SimilarClusters"/> are, rather than on every view: at 100,000 profiles sorting every
/// collaboration by name in the reader's culture took most of a second of each view of /network (1.4 s for the first in
/// another language even with each name's sort key made once), and the output cache held every reader of the page
/// behind the one rendering it.
/// </summary>
public sealed class NetworkTableOrder
{
    private readonly ConditionalWeakTable<NetworkSnapshot, Lazy<(int A, int B, bool Mutual)[]>> _bySnapshot = new();

    /// <summary>Every collaboration of <paramref name="snapshot"/>, in the table's order.</summary>
    public IReadOnlyList<(int A, int B, bool Mutual)> Of(NetworkSnapshot snapshot) =>
        _bySnapshot.GetValue(snapshot, network => new Lazy<(int A, int B, bool Mutual)[]>(() => Ordered(network))).Value;

    private static (int A, int B, bool Mutual)[] Ordered(NetworkSnapshot snapshot)
    {
        // A network node is its directory entry's position: each side's place in the name order, and the collaborations
        // ordered by those numbers.
        var byName = snapshot.Directory.Entries.ByName;
        var place = new int[byName.Length];
        for (var rank = 0; rank < byName.Length; rank++)
        {
            place[byName[rank]] = rank;
        }
        return [.. snapshot.Edges().OrderBy(e => place[e.A]).ThenBy(e => place[e.B])];
    }
}
