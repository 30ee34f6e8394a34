using System.Net;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>Failed sign-ins are counted per typed address and client address: a guesser is stopped, the owner elsewhere is not.</summary>
public sealed class LockoutTests(AccountSecurityFactory app) : IClassFixture<AccountSecurityFactory>
{
    private const string Wrong = "not the password at all";
    private const string Paused = "signing in with it is paused for 15 minutes";

    [Fact]
    public async Task An_attacker_from_one_address_cannot_lock_the_owner_out_from_another()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);

        using var attacker = app.CreateBrowserFrom("203.0.113.7");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await ClusterAtlasFactory.SubmitLoginAsync(attacker, email, Wrong);
            Assert.Equal(attempt == 5, (await ClusterAtlasFactory.MainTextAsync(wrong)).Contains(Paused, StringComparison.Ordinal));
        }
        // Even the right password is refused from the attacker's address...
        using var right = await ClusterAtlasFactory.SubmitLoginAsync(attacker, email);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Paused, await ClusterAtlasFactory.MainTextAsync(right), StringComparison.Ordinal);

        // ...and the owner, at home, signs in as ever.
        using var owner = app.CreateBrowserFrom("198.51.100.2");
        using var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(owner, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_pause()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = app.CreateBrowserFrom("203.0.113.17");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await ClusterAtlasFactory.SubmitLoginAsync(browser, email, Wrong);
        }
        using var asked = await browser.SubmitFormAsync("/account/forgot-password", new() { ["Email"] = email });
        var link = ClusterAtlasFactory.LinkIn(await app.LatestMailAsync(email, "Reset your password"), "/account/reset-password");
        const string newPassword = "a brand new passphrase";
        using var reset = await browser.SubmitFormAsync(link, new() { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword });

        using var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(browser, email, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task The_client_address_comes_from_forwarded_headers_only_through_the_trusted_proxy()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);

        // Through the proxy: each forwarded client has its own count.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInAsync(AccountSecurityFactory.Proxy, "203.0.113.8", email, Wrong);
        }
        using var refused = await SignInAsync(AccountSecurityFactory.Proxy, "203.0.113.8", email, ClusterAtlasFactory.Password);
        Assert.Contains(Paused, await ClusterAtlasFactory.MainTextAsync(refused), StringComparison.Ordinal);
        using var other = await SignInAsync(AccountSecurityFactory.Proxy, "198.51.100.3", email, ClusterAtlasFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        // From anywhere else the header is the sender's own claim: ignored, the count stays with the sender's address.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInAsync("192.0.2.50", $"203.0.113.{100 + attempt}", email, Wrong);
        }
        using var stillRefused = await SignInAsync("192.0.2.50", "198.51.100.4", email, ClusterAtlasFactory.Password);
        Assert.Contains(Paused, await ClusterAtlasFactory.MainTextAsync(stillRefused), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SignInAsync(string peer, string forwardedFor, string email, string password)
    {
        var browser = app.CreateBrowserFrom(peer);
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return await ClusterAtlasFactory.SubmitLoginAsync(browser, email, password);
    }
}
