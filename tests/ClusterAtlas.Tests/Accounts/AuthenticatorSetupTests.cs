using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>The two-factor set-up page offers the key as a QR code to scan, as text to type and as an otpauth: link.</summary>
public sealed class AuthenticatorSetupTests(UnconfiguredInstallationFactory app, ConfiguredInstallationFactory configured)
    : IClassFixture<UnconfiguredInstallationFactory>, IClassFixture<ConfiguredInstallationFactory>
{
    [Fact]
    public async Task The_setup_page_shows_a_qr_code_of_the_authenticator_link_and_still_the_key_as_text()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri("/account/two-factor/setup", UriKind.Relative)));

        var image = page.QuerySelector("main .qr-code img");
        Assert.NotNull(image);
        Assert.Equal("QR code with the key for your authenticator app", image.GetAttribute("alt"));
        var source = image.GetAttribute("src")!;
        // Inline, so that the CSP's img-src 'self' data: allows it and nothing is fetched from elsewhere.
        Assert.StartsWith("data:image/png;base64,", source, StringComparison.Ordinal);
        var png = Convert.FromBase64String(source["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        var key = page.QuerySelector("#shared-key")?.TextContent.Trim();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var link = page.QuerySelector("main a[href^='otpauth://totp/']")!.GetAttribute("href")!;
        Assert.Contains("secret=" + key!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), link, StringComparison.Ordinal);
        Assert.Contains("issuer=ClusterAtlas&", link, StringComparison.Ordinal);
        // The picture is that very link (the same encoder gives the same image).
        Assert.Equal(TwoFactorSetupPageModel.QrCodeDataUri(link), source);
    }

    [Fact]
    public async Task The_authenticator_shows_the_issuer_from_configuration()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await configured.RegisterAndSignInAsync(email);
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri("/account/two-factor/setup", UriKind.Relative)));
        var link = page.QuerySelector("main a[href^='otpauth://totp/']")!.GetAttribute("href")!;
        Assert.StartsWith($"otpauth://totp/Klasteri%20Srbije:{Uri.EscapeDataString(email)}?secret=", link, StringComparison.Ordinal);
        Assert.Contains("&issuer=Klasteri%20Srbije&", link, StringComparison.Ordinal);
    }
}
