using ClusterAtlas.Network;

namespace ClusterAtlas.Tests.Network;

public sealed class RecommenderTests
{
    private static ClusterFeatures Cluster(int[] sectors, int[] technologies, string country, params string[] targets) =>
        new(sectors, technologies, [], [], country, targets, 100, false);

    [Fact]
    public void Among_equally_similar_clusters_the_tie_keys_choose_not_the_nodes_order()
    {
        // The network's nodes are in the directory's name order; its tie keys are the profiles' ids.
        ClusterFeatures[] nodes = [Cluster([1], [], "RS"), Cluster([1], [], "DE"), Cluster([1], [], "DE"), Cluster([1], [], "DE")];
        var unconnected = nodes.Select(_ => Array.Empty<int>()).ToArray();
        var byNodes = new RecommenderGraph(nodes, unconnected, new Dictionary<int, int[]>());
        var byKeys = new RecommenderGraph(nodes, unconnected, new Dictionary<int, int[]>(), tieKeys: [1, 40, 30, 20]);

        Assert.Equal([1], Recommender.Recommend(byNodes, 0, 1, similarOnly: true).Select(r => r.Node));
        Assert.Equal([3], Recommender.Recommend(byKeys, 0, 1, similarOnly: true).Select(r => r.Node));
        Assert.Equal([3], Recommender.Recommend(byKeys, 0, 1, similarOnly: false).Select(r => r.Node));
        Assert.Equal([0, 3, 2, 1], byKeys.BySector[1]);
    }

    [Fact]
    public void Recommends_by_shared_technology_target_country_and_common_partners_excluding_partners_with_reasons()
    {
        ClusterFeatures[] nodes =
        [
            Cluster([1], [10], "RS", "DE"),      // 0: the one asked for
            Cluster([1], [10], "DE"),            // 1: same sector and technology, in a country 0 targets
            Cluster([2], [11], "FR"),            // 2: nothing in common
            Cluster([1], [10], "AT"),            // 3: already a partner
            Cluster([3], [12], "IT"),            // 4: partner of 3 only
        ];
        var neighbours = RecommenderGraph.Undirected(nodes.Length, [(0, 3), (3, 4), (3, 1)]);
        var graph = new RecommenderGraph(nodes, neighbours, new Dictionary<int, int[]>());

        var recommendations = Recommender.Recommend(graph, 0, 3, similarOnly: false);

        Assert.DoesNotContain(recommendations, r => r.Node is 0 or 3);
        Assert.Equal(1, recommendations[0].Node);
        var kinds = recommendations[0].Reasons.Select(r => r.Kind).ToList();
        Assert.Contains(ReasonKind.SharedTechnology, kinds);
        Assert.Contains(ReasonKind.InYourTargetCountry, kinds);
        Assert.Contains(ReasonKind.CommonPartners, kinds);
        Assert.DoesNotContain(recommendations, r => r.Node == 2);
    }

    [Fact]
    public void Finds_clusters_along_a_value_chain_and_those_that_target_your_country_with_nothing_shared()
    {
        ClusterFeatures[] nodes =
        [
            Cluster([1], [], "RS"),          // 0: the one asked for
            Cluster([2], [], "FR"),          // 1: the next link of its value chain
            Cluster([3], [], "DE", "RS"),    // 2: targets Serbia
            Cluster([4], [], "IT"),          // 3: nothing leads to it
        ];
        var graph = new RecommenderGraph(nodes, [.. nodes.Select(_ => Array.Empty<int>())], new Dictionary<int, int[]> { [1] = [2], [2] = [1] });

        var recommendations = Recommender.Recommend(graph, 0, 10, similarOnly: false);

        Assert.Equal([1, 2], recommendations.Select(r => r.Node).Order());
        Assert.Equal(ReasonKind.ComplementarySector, recommendations.Single(r => r.Node == 1).Reasons[0].Kind);
        Assert.Equal(ReasonKind.TheyTargetYourCountry, recommendations.Single(r => r.Node == 2).Reasons[0].Kind);
        Assert.All(recommendations, r => Assert.NotEmpty(r.Reasons));
    }

    [Fact]
    public void Of_two_otherwise_equal_clusters_the_better_connected_comes_first_and_a_dismissed_one_never()
    {
        ClusterFeatures[] nodes =
        [
            Cluster([1], [10], "RS"),    // 0: the one asked for
            Cluster([1], [10], "AT"),    // 1: three partners
            Cluster([1], [10], "AT"),    // 2: none
            Cluster([5], [15], "PT"), Cluster([6], [16], "PT"), Cluster([7], [17], "PT"),
        ];
        var neighbours = RecommenderGraph.Undirected(nodes.Length, [(1, 3), (1, 4), (1, 5)]);
        var graph = new RecommenderGraph(nodes, neighbours, new Dictionary<int, int[]>());

        Assert.Equal([1, 2], Recommender.Recommend(graph, 0, 2, similarOnly: false).Select(r => r.Node));
        Assert.Equal([2], Recommender.Recommend(graph, 0, 2, similarOnly: false, new HashSet<int> { 1 }).Select(r => r.Node));
    }

    [Fact]
    public void Signals_count_the_chance_of_meeting_through_each_list_from_both_sides()
    {
        ClusterFeatures[] nodes =
        [
            Cluster([1, 2], [], "RS"),   // 0: two sectors, so each leads to half its choices
            Cluster([1], [], "RS"),      // 1: one sector, shared
            Cluster([1], [], "DE"),      // 2: the same sector elsewhere
        ];
        var graph = new RecommenderGraph(nodes, [.. nodes.Select(_ => Array.Empty<int>())], new Dictionary<int, int[]>());

        var collected = RecommenderSignals.Collect(graph, 0);
        double Signal(int node, int signal) => collected.Values[Array.IndexOf(collected.Candidates, node) * RecommenderSignals.Count + signal];

        // Sector 1 is held by 3 profiles: forward 1/2 (of my sectors) × 1/3, backward 1/1 (of theirs) × 1/3.
        Assert.Equal(1.0 / 6, Signal(1, RecommenderSignals.SectorForward), 9);
        Assert.Equal(1.0 / 3, Signal(1, RecommenderSignals.SectorBackward), 9);
        Assert.Equal(1.0 / 2, Signal(1, RecommenderSignals.SameCountry), 9);
        Assert.Equal(0, Signal(2, RecommenderSignals.SameCountry));
        Assert.Equal(1, collected.SharedTerms[Array.IndexOf(collected.Candidates, 2)]);
        // Collecting again gives the same: the buffers are cleared after each profile.
        Assert.Equal(collected.Values, RecommenderSignals.Collect(graph, 0).Values);
    }

    [Fact]
    public void A_partners_partner_is_weighed_by_the_pull_of_that_partners_partners_and_each_side_by_its_own_attachment()
    {
        ClusterFeatures[] nodes = [.. Enumerable.Range(0, 6).Select(i => Cluster([i + 1], [], "RS"))];
        // 0 works with 1; 1 with 0, 2 and 3; 3 also with 4 and 5.
        var graph = new RecommenderGraph(nodes, RecommenderGraph.Undirected(6, [(0, 1), (1, 2), (1, 3), (3, 4), (3, 5)]), new Dictionary<int, int[]>());
        var pullOfOne = Math.Pow(2, 0.8) + Math.Pow(2, 0.8) + Math.Pow(4, 0.8);
        Assert.Equal(pullOfOne, graph.PartnersPull[1], 9);

        var collected = RecommenderSignals.Collect(graph, 0);
        double Signal(int node, int signal) => collected.Values[Array.IndexOf(collected.Candidates, node) * RecommenderSignals.Count + signal];
        Assert.Equal(1 / pullOfOne, Signal(3, RecommenderSignals.PullForward), 9);
        Assert.Equal(1 / (3 * pullOfOne), Signal(3, RecommenderSignals.PullBackward), 9);

        // The asker coming upon a candidate grows with the candidate's partners by Attachment, the candidate coming upon the asker by AttachmentBackward.
        var signals = new double[RecommenderSignals.Count];
        signals[RecommenderSignals.PullForward] = signals[RecommenderSignals.PullBackward] = 1;
        var onlyForward = new RecommenderWeights([.. Enumerable.Range(0, RecommenderSignals.Count).Select(k => k == RecommenderSignals.PullForward ? 1.0 : 0)], 1, 0, 0);
        var onlyBackward = new RecommenderWeights([.. Enumerable.Range(0, RecommenderSignals.Count).Select(k => k == RecommenderSignals.PullBackward ? 1.0 : 0)], 1, 0, 0);
        Assert.Equal(4, onlyForward.Score(signals, sharedTerms: 0, partners: 3), 9);
        Assert.Equal(1, onlyBackward.Score(signals, sharedTerms: 0, partners: 3), 9);
    }

    [Fact]
    public void The_generative_model_is_deterministic_by_seed()
    {
        var nodes = Enumerable.Range(0, 300).Select(i => Cluster([i % 7], [i % 5], i % 3 == 0 ? "RS" : "DE", "AT")).ToList();
        var graph = new RecommenderGraph(nodes, [.. nodes.Select(_ => Array.Empty<int>())], new Dictionary<int, int[]> { [1] = [2], [2] = [1] });
        var first = CollaborationModel.Generate(graph, 7);
        Assert.Equal(first, CollaborationModel.Generate(graph, 7));
        Assert.NotEqual(first, CollaborationModel.Generate(graph, 8));
        Assert.True(first.Count > 300);
        Assert.DoesNotContain(first, e => e.From == e.To);
    }
}
