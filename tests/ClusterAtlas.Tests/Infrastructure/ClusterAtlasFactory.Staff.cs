using System.Net;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>Staff as they work: a moderator or administrator signed in, with two-factor authentication set up through its pages.</summary>
public partial class ClusterAtlasFactory
{
    /// <summary>
    /// Creates a moderator or administrator (as `users add-...` does), signs in, sets up an authenticator on the setup
    /// page (answering with a code as an app would) and returns the signed-in browser.
    /// </summary>
    public async Task<HttpClient> SignInAsStaffAsync(string role, string? email = null)
    {
        email ??= NewEmail();
        await AddStaffAsync(email, role);
        var browser = CreateBrowser();
        using var signedIn = await SubmitLoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        const string setupUrl = "/account/two-factor/setup";
        var setup = await ParseAsync(await browser.GetStringAsync(new Uri(setupUrl, UriKind.Relative)));
        var key = setup.QuerySelector("#shared-key")?.TextContent.Trim()
            ?? throw new Xunit.Sdk.XunitException("no key on the two-factor setup page: " + setup.QuerySelector("main")?.TextContent);
        using var enabled = await browser.SubmitFormAsync(setupUrl, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var page = await ParseAsync(await enabled.Content.ReadAsStringAsync());
        Assert.True(page.QuerySelectorAll(".recovery-codes li").Length > 0, "two-factor setup failed: " + page.QuerySelector("main")?.TextContent);
        return browser;
    }
}
