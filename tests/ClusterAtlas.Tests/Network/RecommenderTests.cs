using ClusterAtlas.Network;

namespace ClusterAtlas.Tests.Network;

public sealed class RecommenderTests
{
    private static ClusterFeatures Cluster(int[] sectors, int[] technologies, string country, params string[] targets) =>
        new(sectors, technologies, [], [], country, targets, 100, false);

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
