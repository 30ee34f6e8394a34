using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>Cookies are HttpOnly, SameSite and Secure on HTTPS; HSTS on HTTPS; the scheme forwarded only by the trusted proxy counts.</summary>
public sealed class TransportSecurityTests(AccountSecurityFactory app) : IClassFixture<AccountSecurityFactory>
{
    [Fact]
    public async Task Every_cookie_of_signing_in_and_choosing_a_language_is_secure_httponly_and_samesite_on_https()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://" + AccountSecurityFactory.PublicHost),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });

        var cookies = await CookiesOfSigningInAsync(browser, email);

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("ClusterAtlas.Account=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains(attributes, a => a is "samesite=lax" or "samesite=strict");
        });
    }

    [Fact]
    public async Task On_plain_http_a_local_run_keeps_working_without_secure_cookies_or_hsts()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = app.CreateBrowser();

        var cookies = await CookiesOfSigningInAsync(browser, email);

        Assert.Contains(cookies, c => c.StartsWith("ClusterAtlas.Account=", StringComparison.Ordinal));
        Assert.DoesNotContain(cookies, c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Hsts_on_https_and_on_what_the_trusted_proxy_says_was_https()
    {
        using var direct = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://" + AccountSecurityFactory.PublicHost) });
        using var overHttps = await direct.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("max-age=31536000", string.Join(",", overHttps.Headers.GetValues("Strict-Transport-Security")));

        Assert.True(await HstsAsync(AccountSecurityFactory.Proxy));
        // Anyone else claiming HTTPS is not believed.
        Assert.False(await HstsAsync("192.0.2.60"));
    }

    private async Task<bool> HstsAsync(string peer)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://" + AccountSecurityFactory.PublicHost) });
        client.DefaultRequestHeaders.Add(AccountSecurityFactory.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.70");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Contains("Strict-Transport-Security");
    }

    /// <summary>The Set-Cookie headers of opening the sign-in form, signing in and choosing a language.</summary>
    private static async Task<List<string>> CookiesOfSigningInAsync(HttpClient browser, string email)
    {
        var cookies = new List<string>();
        using var form = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        cookies.AddRange(SetCookies(form));
        using var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies.AddRange(SetCookies(signedIn));
        using var language = await browser.GetAsync(new Uri("/language?culture=de&returnUrl=%2F", UriKind.Relative));
        cookies.AddRange(SetCookies(language));
        return cookies;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
