using System.Net;
using System.Text.Json;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Tests.Links;

/// <summary>
/// A request's Host header never chooses where links in mail and API answers point: they come from
/// ClusterAtlas:BaseUrl or from the host names AllowedHosts lists. With neither, no mail with a link goes out for a
/// request from elsewhere, and API links are relative.
/// </summary>
public sealed class HostHeaderTests
{
    /// <summary>An installation that answers any host and has no BaseUrl: the risky configuration.</summary>
    public sealed class AnyHostFactory : ClusterAtlasFactory
    {
        protected override string AllowedHosts => "*";
    }

    /// <summary>The same with its public address configured.</summary>
    public sealed class ConfiguredAddressFactory : ClusterAtlasFactory
    {
        protected override string AllowedHosts => "*";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ClusterAtlas:BaseUrl", "https://clusters.example.org/");
        }
    }

    private static async Task<HttpResponseMessage> ForgotPasswordAsync(ClusterAtlasFactory app, string email, string host)
    {
        using var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.Host = host;
        return await browser.SubmitFormAsync("/account/forgot-password", new() { ["Email"] = email });
    }

    [Fact]
    public async Task A_forged_host_gets_no_reset_link_when_nothing_vouches_for_it()
    {
        await using var app = new AnyHostFactory();
        var email = ClusterAtlasFactory.NewEmail();
        // Made on the server: this installation cannot mail a confirmation link to a request from elsewhere either.
        await app.WithServiceAsync<UserManager<ApplicationUser>, IdentityResult>(users =>
            users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ana Test" }, ClusterAtlasFactory.Password));

        using var response = await ForgotPasswordAsync(app, email, "evil.example");

        Assert.DoesNotContain(app.MailTo(email), m => (m.TextBody ?? "").Contains("evil.example", StringComparison.Ordinal) || (m.Subject ?? "").Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.MailTo(email));
        // The visitor is told what happened and whom to tell, not just that something went wrong.
        Assert.Contains("its public address is not configured", await ClusterAtlasFactory.MainTextAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_base_url_links_point_there_whatever_the_host_header()
    {
        await using var app = new ConfiguredAddressFactory();
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);

        using var response = await ForgotPasswordAsync(app, email, "evil.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = await app.LatestMailAsync(email, "Reset your password");
        Assert.Contains("https://clusters.example.org/account/reset-password?", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.HtmlBody ?? "", StringComparison.Ordinal);

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";
        var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/cluster-organisations", UriKind.Relative)));
        Assert.Equal("https://clusters.example.org/cluster-organisations/vojvodina-metal-cluster", api.RootElement.GetProperty("items")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Without_a_trusted_address_api_links_are_relative()
    {
        await using var app = new AnyHostFactory();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";
        var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/cluster-organisations", UriKind.Relative)));
        Assert.Equal("/cluster-organisations/vojvodina-metal-cluster", api.RootElement.GetProperty("items")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Hosts_that_allowed_hosts_does_not_name_are_refused()
    {
        await using var app = new ClusterAtlasFactory();
        using var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.Host = "evil.example";
        using var response = await browser.GetAsync(new Uri("/account/forgot-password", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("*", false)]
    [InlineData("", false)]
    [InlineData("clusters.example.org", true)]
    [InlineData("clusters.example.org;*", false)]
    public void Allowed_hosts_restrict_only_when_they_name_hosts(string allowedHosts, bool restricted) =>
        Assert.Equal(restricted, ClusterAtlas.Links.PublicAddress.IsRestricted(allowedHosts));
}
