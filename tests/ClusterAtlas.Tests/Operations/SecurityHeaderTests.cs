using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClusterAtlas.Tests.Operations;

/// <summary>
/// The headers every answer carries, on a page and on an API answer, as a browser receives them over HTTPS at the
/// installation's public name (HSTS is not sent for localhost): CSP without inline scripts or styles, HSTS for a year,
/// no framing, a Permissions-Policy, a Referrer-Policy and nosniff.
/// </summary>
public sealed class SecurityHeaderTests(SecurityHeaderTests.PublicNameFactory app) : IClassFixture<SecurityHeaderTests.PublicNameFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/cluster-organisations/" + SeedPage.Slug)]
    [InlineData("/api/v1/cluster-organisations")]
    [InlineData("/api/v1/cluster-organisations/" + SeedPage.Slug)]
    public async Task Pages_and_api_answers_carry_the_security_headers(string url)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://" + PublicNameFactory.Host) });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header");

    /// <summary>An installation that answers for its public name only, as production is configured.</summary>
    public sealed class PublicNameFactory : ClusterAtlasFactory
    {
        public const string Host = "clusters.example.org";

        protected override string AllowedHosts => Host;
    }
}
