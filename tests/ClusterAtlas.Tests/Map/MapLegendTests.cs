using ClusterAtlas.Map;

namespace ClusterAtlas.Tests.Map;

/// <summary>The map's legend shows the counts that occur: no scale of empty ranges for one country.</summary>
public sealed class MapLegendTests
{
    [Fact]
    public void One_country_is_one_class() =>
        Assert.Equal([(4, 4)], MapPageModel.ClassesOf([4]));

    [Fact]
    public void A_few_different_counts_are_a_class_each() =>
        Assert.Equal([(1, 1), (2, 2), (7, 7)], MapPageModel.ClassesOf([7, 1, 2, 2, 1]));

    [Fact]
    public void Many_different_counts_are_five_ranges_up_to_the_largest() =>
        Assert.Equal([(1, 6), (7, 12), (13, 18), (19, 24), (25, 29)], MapPageModel.ClassesOf([1, 3, 5, 8, 13, 21, 29]));

    [Fact]
    public void No_counts_no_legend() =>
        Assert.Empty(MapPageModel.ClassesOf([]));
}
