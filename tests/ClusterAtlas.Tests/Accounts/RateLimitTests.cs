using System.Net;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>A host whose account forms take 3 posts a minute from one client.</summary>
public sealed class StrictRateLimitFactory : ClusterAtlasFactory
{
    protected override bool LoadDemoContent => false;

    protected override int AccountFormPostsPerMinute => 3;
}

public sealed class RateLimitTests(StrictRateLimitFactory app) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_a_page_that_says_so()
    {
        using var browser = app.CreateBrowser();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await ClusterAtlasFactory.SubmitLoginAsync(browser, "nobody@example.org", "some password here");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await ClusterAtlasFactory.SubmitLoginAsync(browser, "nobody@example.org", "some password here");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After is missing");
        Assert.Contains("Please wait a minute", await ClusterAtlasFactory.MainTextAsync(refused), StringComparison.Ordinal);

        // Viewing the form is not limited, and other forms have their own count.
        using var form = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        using var forgot = await browser.SubmitFormAsync("/account/forgot-password", new() { ["Email"] = "nobody@example.org" });
        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
    }
}
