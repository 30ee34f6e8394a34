using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>Values that do not fit the profile refuse the page with the field and the line, and nothing is stored.</summary>
public sealed class ImportLimitsTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private async Task<MalformedProfilePageException> RefusedAsync(string page)
    {
        var before = await app.SnapshotAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<EccpProfileImporter>();
        var refused = await Assert.ThrowsAsync<MalformedProfilePageException>(() => importer.ImportAsync(page, "long.txt", ProfileStatus.Published, CancellationToken.None));
        Assert.Equal(before, await app.SnapshotAsync());
        return refused;
    }

    [Fact]
    public async Task A_name_longer_than_the_profile_takes_is_refused_with_its_line()
    {
        var refused = await RefusedAsync("Home > Cluster Organisations > " + new string('N', 1_000_000) + "\nSectoral Industries:\nAutomotive\n");
        Assert.Equal(1, refused.Line);
        Assert.Contains("Name is 1,000,000 characters long", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_term_longer_than_a_term_takes_is_refused_with_its_line()
    {
        var refused = await RefusedAsync("Home > Cluster Organisations > Long Term Cluster\nSectoral Industries:\nAutomotive\n" + new string('t', 400) + "\n");
        Assert.Equal(4, refused.Line);
        Assert.Contains("sectoral industries term is 400 characters long", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strategy_of_megabytes_is_refused()
    {
        var refused = await RefusedAsync("Home > Cluster Organisations > Long Strategy Cluster\nSectoral Industries:\nAutomotive\nCluster Strategy\n" + string.Concat(Enumerable.Repeat("We grow. ", 500_000)) + "\n");
        Assert.Equal(5, refused.Line);
        Assert.Contains("StrategyMarkdown", refused.Message, StringComparison.Ordinal);
    }
}
