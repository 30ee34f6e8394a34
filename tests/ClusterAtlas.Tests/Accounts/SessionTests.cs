using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>A session ends on the server: signing out and changing the password make old cookies worthless.</summary>
public sealed class SessionTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_copied_session_cookie_signs_nobody_in_after_sign_out()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = app.CreateBrowser();
        using var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(browser, email);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ClusterAtlas.Account=", StringComparison.Ordinal)).Split(';')[0];

        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        using var before = await copy.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var signedOut = await browser.SubmitFormAsync("/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var after = await copy.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_after_the_session_ended_says_so_links_to_the_sign_in_and_shows_the_text_to_copy_without_keeping_it()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = await app.SignInAsync(email);
        using var form = await browser.GetAsync(new Uri("/account/tokens", UriKind.Relative));
        var token = (await ClusterAtlasFactory.ParseAsync(await form.Content.ReadAsStringAsync()))
            .QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // Signed out in another tab.
        (await browser.SubmitFormAsync("/account/logout", [])).Dispose();

        const string typed = "Nightly <script>alert(1)</script> sync\nwith a second line";
        using var content = new FormUrlEncodedContent([new("Name", typed), new("Input.CurrentPassword", "a-password-typed-here"), new("__RequestVerificationToken", token)]);
        using var response = await browser.PostAsync(new Uri("/account/tokens?x=1", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var page = await ClusterAtlasFactory.ParseAsync(html);
        Assert.Equal("Your session has ended", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal("/account/login?ReturnUrl=%2Faccount%2Ftokens%3Fx%3D1", page.QuerySelector("main a[href^='/account/login']")!.GetAttribute("href"));
        var sent = Assert.Single(page.QuerySelectorAll("main textarea[readonly]"));
        Assert.Equal(typed, sent.TextContent);
        Assert.Equal("Name", page.QuerySelector($"main label[for='{sent.Id}']")!.TextContent);
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        // A password is not shown, and the page is not kept by any cache.
        Assert.DoesNotContain("a-password-typed-here", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ClusterAtlas.AccessTokens.AccessToken>().CountAsync(t => t.Name.StartsWith("Nightly"))));

        // A page opened without a session still leads to the sign-in as before.
        using var opened = await browser.GetAsync(new Uri("/account/tokens", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var laptop = await app.SignInAsync(email);
        using var phone = await app.SignInAsync(email);

        const string newPassword = "a brand new passphrase";
        using var changed = await laptop.SubmitFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = ClusterAtlasFactory.Password,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Contains("Your password is changed.", await ClusterAtlasFactory.MainTextAsync(changed), StringComparison.Ordinal);

        using var onLaptop = await laptop.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, onLaptop.StatusCode);
        using var onPhone = await phone.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, onPhone.StatusCode);
        Assert.StartsWith("/account/login", onPhone.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }
}
