using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

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
