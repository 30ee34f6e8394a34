using System.Net;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Accounts;

public sealed class SignInTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_pause_signing_in_from_that_client_even_with_the_right_one()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = app.CreateBrowser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await ClusterAtlasFactory.SubmitLoginAsync(browser, email, "not the password at all");
            Assert.Contains("The e-mail address or the password is not correct.", await ClusterAtlasFactory.MainTextAsync(wrong), StringComparison.Ordinal);
        }
        using var fifth = await ClusterAtlasFactory.SubmitLoginAsync(browser, email, "not the password at all");
        Assert.Contains("signing in with it is paused for 15 minutes", await ClusterAtlasFactory.MainTextAsync(fifth), StringComparison.Ordinal);

        using var right = await ClusterAtlasFactory.SubmitLoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("signing in with it is paused for 15 minutes", await ClusterAtlasFactory.MainTextAsync(right), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address()
    {
        var known = ClusterAtlasFactory.NewEmail();
        var unknown = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(known);
        using var browser = app.CreateBrowser();

        using var forKnown = await browser.SubmitFormAsync("/account/forgot-password", new() { ["Email"] = known });
        using var forUnknown = await browser.SubmitFormAsync("/account/forgot-password", new() { ["Email"] = unknown });

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(
            (await ClusterAtlasFactory.MainTextAsync(forKnown)).Replace(known, "ADDRESS", StringComparison.Ordinal),
            (await ClusterAtlasFactory.MainTextAsync(forUnknown)).Replace(unknown, "ADDRESS", StringComparison.Ordinal));
        await app.LatestMailAsync(known, "Reset your password");
        Assert.Empty(app.MailTo(unknown));
    }

    [Fact]
    public async Task Reset_the_password_through_the_mailed_link_once()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = app.CreateBrowser();
        using var asked = await browser.SubmitFormAsync("/account/forgot-password", new() { ["Email"] = email });
        var link = ClusterAtlasFactory.LinkIn(await app.LatestMailAsync(email, "Reset your password"), "/account/reset-password");

        const string newPassword = "a brand new passphrase";
        var fields = new Dictionary<string, string> { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword };
        using var reset = await browser.SubmitFormAsync(link, fields);
        Assert.Contains("Your password is set", await ClusterAtlasFactory.MainTextAsync(reset), StringComparison.Ordinal);

        using var old = await ClusterAtlasFactory.SubmitLoginAsync(app.CreateBrowser(), email);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var signedIn = await app.SignInAsync(email, newPassword);

        using var again = await browser.SubmitFormAsync(link, fields);
        Assert.Contains("This link is no longer valid", await ClusterAtlasFactory.MainTextAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_is_a_post()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = await app.SignInAsync(email);

        using var viewed = await browser.GetAsync(new Uri("/account/logout", UriKind.Relative));
        using var stillIn = await browser.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var signedOut = await browser.SubmitFormAsync("/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var account = await browser.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/account/login", account.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_goes_back_to_a_local_address_only()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);

        using var local = await ClusterAtlasFactory.SubmitLoginAsync(app.CreateBrowser(), email, returnUrl: "/account/email");
        Assert.Equal("/account/email", local.Headers.Location?.OriginalString);
        using var foreign = await ClusterAtlasFactory.SubmitLoginAsync(app.CreateBrowser(), email, returnUrl: "https://evil.example/");
        Assert.Equal("/", foreign.Headers.Location?.OriginalString);
    }
}

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, whether it is absolute or relative.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
