using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Accounts;

public sealed class TwoFactorTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Opening_the_authenticator_setup_signs_no_other_browser_out_and_keeps_its_key()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var first = await app.RegisterAndSignInAsync(email);
        using var second = await app.SignInAsync(email);

        using var setup = await first.GetAsync(new Uri("/account/two-factor/setup", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        using var elsewhere = await second.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        // The key made on the first visit is the one shown on the next (the app scanned may be on either).
        using var again = await second.GetAsync(new Uri("/account/two-factor/setup", UriKind.Relative));
        static string? KeyOf(string html) => System.Text.RegularExpressions.Regex.Match(html, "secret=([A-Z2-7]+)").Groups[1].Value;
        var key = KeyOf(await setup.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(key), "the setup page shows no otpauth: link with the key");
        Assert.Equal(key, KeyOf(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Set_up_an_authenticator_then_sign_in_with_a_code_or_a_recovery_code()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        string[] recoveryCodes;
        using (var browser = await app.SignInAsync(email))
        {
            (_, recoveryCodes) = await SetUpAuthenticatorAsync(browser);
            // The key of a working setup is not shown again.
            using var setupAgain = await browser.GetAsync(new Uri("/account/two-factor/setup", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, setupAgain.StatusCode);
            Assert.Equal("/account/two-factor", setupAgain.Headers.Location?.OriginalString);
        }

        // Password first, then the code.
        using var second = app.CreateBrowser();
        using var password = await ClusterAtlasFactory.SubmitLoginAsync(second, email, returnUrl: "/account");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/two-factor", password.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        using var wrong = await second.SubmitFormAsync(password.Headers.Location!.PathAndQuery(), new() { ["Code"] = "000000" });
        Assert.Contains("This code is not correct", await ClusterAtlasFactory.MainTextAsync(wrong), StringComparison.Ordinal);
        var key = await SharedKeyAsync(email);
        // The next step's code: the one the setup took is spent (each code works once).
        using var code = await second.SubmitFormAsync(password.Headers.Location!.PathAndQuery(), new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/account", code.Headers.Location?.OriginalString);
        using var account = await second.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);

        // Without the phone: a recovery code, once.
        using var third = app.CreateBrowser();
        using var again = await ClusterAtlasFactory.SubmitLoginAsync(third, email);
        using var recovered = await third.SubmitFormAsync("/account/login/recovery-code", new() { ["RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        using var fourth = app.CreateBrowser();
        using var once = await ClusterAtlasFactory.SubmitLoginAsync(fourth, email);
        using var reused = await fourth.SubmitFormAsync("/account/login/recovery-code", new() { ["RecoveryCode"] = recoveryCodes[0] });
        Assert.Contains("This recovery code is not valid.", await ClusterAtlasFactory.MainTextAsync(reused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_at_setup_and_at_sign_in()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        var setupTime = DateTimeOffset.UtcNow;
        using (var browser = await app.SignInAsync(email))
        {
            await SetUpAuthenticatorAsync(browser, at: setupTime);
        }
        var key = await SharedKeyAsync(email);

        // The code that turned two-factor authentication on does not sign in: someone who saw it gains nothing.
        Assert.Contains("This code is not correct", await SignInWithCodeAsync(email, Totp.Code(key, setupTime)), StringComparison.Ordinal);

        var next = Totp.Code(key, setupTime.AddSeconds(30));
        Assert.Equal("/account", await SignInWithCodeAsync(email, next));
        // The same code again, from another browser, within its window: refused.
        Assert.Contains("This code is not correct", await SignInWithCodeAsync(email, next), StringComparison.Ordinal);
    }

    /// <summary>Password, then <paramref name="code"/>: the redirect's target when signed in, else the page's text.</summary>
    private async Task<string> SignInWithCodeAsync(string email, string code)
    {
        using var browser = app.CreateBrowser();
        using var password = await ClusterAtlasFactory.SubmitLoginAsync(browser, email, returnUrl: "/account");
        Assert.StartsWith("/account/login/two-factor", password.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        using var answer = await browser.SubmitFormAsync(password.Headers.Location!.PathAndQuery(), new() { ["Code"] = code });
        return answer.StatusCode == HttpStatusCode.Redirect ? answer.Headers.Location!.OriginalString : await ClusterAtlasFactory.MainTextAsync(answer);
    }

    [Fact]
    public async Task An_administrator_without_two_factor_is_sent_to_set_it_up_and_kept_from_admin_pages_until_then()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.AddStaffAsync(email, AccountRoles.Administrator);
        using var browser = app.CreateBrowser();

        using var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith("/account/two-factor/setup?required=true", signedIn.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        using var adminPage = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, adminPage.StatusCode);
        Assert.StartsWith("/account/two-factor/setup?required=true&returnUrl=%2Fadmin%2Fusers", adminPage.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        var (continueUrl, _) = await SetUpAuthenticatorAsync(browser, "/account/two-factor/setup?required=true&returnUrl=%2Fadmin%2Fusers");
        Assert.Equal("/admin/users", continueUrl);
        using var opened = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(email, await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Staff cannot turn it off again.
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative)));
        Assert.Null(page.QuerySelector("form[action*='handler=Disable'], button[formaction*='handler=Disable']"));
    }

    [Fact]
    public async Task A_member_may_not_open_admin_pages()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);
        using var response = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    /// <summary>Reads the key from the setup page, as a person types it into an app, and answers with a code. Returns the page's "continue" link and the recovery codes.</summary>
    internal static async Task<(string ContinueUrl, string[] RecoveryCodes)> SetUpAuthenticatorAsync(HttpClient browser, string setupUrl = "/account/two-factor/setup", DateTimeOffset? at = null)
    {
        var setup = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(setupUrl, UriKind.Relative)));
        var key = setup.QuerySelector("#shared-key")!.TextContent.Trim();
        var uri = setup.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h!.StartsWith("otpauth://totp/", StringComparison.Ordinal))!;
        Assert.Contains("secret=" + key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), uri, StringComparison.Ordinal);

        using var enabled = await browser.SubmitFormAsync(setupUrl, new() { ["Code"] = Totp.Code(key, at ?? DateTimeOffset.UtcNow) });
        var page = await ClusterAtlasFactory.ParseAsync(await enabled.Content.ReadAsStringAsync());
        var codes = page.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.True(codes.Length == 10, "no recovery codes: " + page.QuerySelector("main")?.TextContent);
        var links = page.QuerySelectorAll("main a");
        var continueUrl = links[^1].GetAttribute("href")!;
        return (continueUrl, codes);
    }

    private async Task<string> SharedKeyAsync(string email) =>
        await app.WithServiceAsync<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>, string>(async users =>
            (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!);
}
