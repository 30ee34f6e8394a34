using System.Net;
using ClusterAtlas.BrowserTests.Infrastructure;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// Fixtures of the browser tests live side by side in one process and end at different times. A fixture once pointed
/// TMPDIR into its own folder; the next fixture made its database inside it, and lost it when the first one ended:
/// every later page that read the database failed, in an order of test classes that only CI's machine ran.
/// </summary>
public sealed class BrowserFixtureTests
{
    [Fact]
    public async Task A_fixture_that_ends_takes_nothing_of_another_with_it()
    {
        var first = new BrowserApp();
        await first.InitializeAsync();
        var second = new BrowserApp();
        await using (second)
        {
            await second.InitializeAsync();
            await first.DisposeAsync();

            using var client = new HttpClient { BaseAddress = second.BaseAddress };
            var response = await client.GetAsync("/cluster-organisations/vojvodina-metal-cluster");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var search = await client.GetAsync("/cluster-organisations?q=metal");
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }
    }
}
