using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>Pages stay light and steady: a profile page under 150 KB in all, and nothing moves while it loads.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PageWeightTests(BrowserApp app)
{
    private const long Budget = 150 * 1024;

    [Theory]
    [InlineData("/")]
    [InlineData("/cluster-organisations/vojvodina-metal-cluster")]
    public async Task Page_weighs_under_the_budget_and_does_not_shift(string path)
    {
        await using var context = await app.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => requests.Add(request);

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        long total = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
        }
        Assert.True(total < Budget, $"{path} weighs {total / 1024.0:0.0} KB over {requests.Count} requests (budget {Budget / 1024} KB)");

        await LayoutShift.AssertSteadyAsync(page, path);
        watch.AssertClean();
    }
}
