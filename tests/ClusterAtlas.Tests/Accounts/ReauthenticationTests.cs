using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>
/// Changes that would take an account over ask for its password again, and wrong ones are counted: a borrowed
/// session can neither move the second factor or the e-mail address nor guess the password.
/// </summary>
public sealed class ReauthenticationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string TooMany = "Too many wrong passwords";

    [Fact]
    public async Task New_recovery_codes_and_a_new_authenticator_need_the_password()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);
        await TwoFactorTests.SetUpAuthenticatorAsync(browser);
        var key = await SharedKeyAsync(email);

        using var without = await PressAsync(browser, "Make new recovery codes", "");
        Assert.Contains("Enter your current password.", await ClusterAtlasFactory.MainTextAsync(without), StringComparison.Ordinal);
        using var wrong = await PressAsync(browser, "Make new recovery codes", "not the password at all");
        Assert.Contains("The password is not correct.", await ClusterAtlasFactory.MainTextAsync(wrong), StringComparison.Ordinal);
        Assert.Empty((await ClusterAtlasFactory.ParseAsync(await wrong.Content.ReadAsStringAsync())).QuerySelectorAll(".recovery-codes li"));

        using var rekeyWithout = await PressAsync(browser, "Set up a new authenticator app", "not the password at all");
        Assert.Equal(HttpStatusCode.OK, rekeyWithout.StatusCode);
        Assert.Equal(key, await SharedKeyAsync(email));
        Assert.True(await TwoFactorEnabledAsync(email));

        using var codes = await PressAsync(browser, "Make new recovery codes", ClusterAtlasFactory.Password);
        Assert.Equal(10, (await ClusterAtlasFactory.ParseAsync(await codes.Content.ReadAsStringAsync())).QuerySelectorAll(".recovery-codes li").Length);
        using var rekey = await PressAsync(browser, "Set up a new authenticator app", ClusterAtlasFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, rekey.StatusCode);
        Assert.NotEqual(key, await SharedKeyAsync(email));
    }

    [Fact]
    public async Task Another_e_mail_address_needs_the_password()
    {
        var email = ClusterAtlasFactory.NewEmail();
        var wanted = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);

        using var without = await browser.SubmitFormAsync("/account/email", new() { ["NewEmail"] = wanted });
        Assert.Contains("Enter your current password.", await ClusterAtlasFactory.MainTextAsync(without), StringComparison.Ordinal);
        using var wrong = await browser.SubmitFormAsync("/account/email", new() { ["NewEmail"] = wanted, ["CurrentPassword"] = "not the password at all" });
        Assert.Contains("The password is not correct.", await ClusterAtlasFactory.MainTextAsync(wrong), StringComparison.Ordinal);
        await app.AllMailSentAsync();
        Assert.Empty(app.MailTo(wanted));

        using var right = await browser.SubmitFormAsync("/account/email", new() { ["NewEmail"] = wanted, ["CurrentPassword"] = ClusterAtlasFactory.Password });
        await app.LatestMailAsync(wanted, "Confirm your new e-mail address");
    }

    [Fact]
    public async Task Wrong_current_passwords_are_counted_across_pages_and_then_refused_for_a_while()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);
        var change = new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not the password at all",
            ["Input.Password"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        };
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await browser.SubmitFormAsync("/account/password", change);
            Assert.Contains("The password is not correct.", await ClusterAtlasFactory.MainTextAsync(wrong), StringComparison.Ordinal);
        }
        using var fifth = await browser.SubmitFormAsync("/account/delete", new() { ["Password"] = "still not the password" });
        Assert.Contains(TooMany, await ClusterAtlasFactory.MainTextAsync(fifth), StringComparison.Ordinal);

        // Now even the right password is refused for a while, and the account stays as it was.
        using var right = await browser.SubmitFormAsync("/account/delete", new() { ["Password"] = ClusterAtlasFactory.Password });
        Assert.Contains(TooMany, await ClusterAtlasFactory.MainTextAsync(right), StringComparison.Ordinal);
        Assert.NotNull(await app.WithServiceAsync<UserManager<ApplicationUser>, ApplicationUser?>(users => users.FindByEmailAsync(email)));
        change["CurrentPassword"] = ClusterAtlasFactory.Password;
        using var changed = await browser.SubmitFormAsync("/account/password", change);
        Assert.Contains(TooMany, await ClusterAtlasFactory.MainTextAsync(changed), StringComparison.Ordinal);
    }

    /// <summary>Fills the two-factor page's password and presses the button named <paramref name="button"/>, as a browser does.</summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient browser, string button, string password)
    {
        var url = new Uri("/account/two-factor", UriKind.Relative);
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(url));
        var form = page.QuerySelector("main form[method=post]")!;
        var pressed = form.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == button);
        if (pressed.GetAttribute("formaction") is { } action)
        {
            form.SetAttribute("action", action);
        }
        return await browser.PostFormAsync(form, url, new() { ["CurrentPassword"] = password });
    }

    private async Task<string> SharedKeyAsync(string email) =>
        await app.WithServiceAsync<UserManager<ApplicationUser>, string>(async users =>
            (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!);

    private async Task<bool> TwoFactorEnabledAsync(string email) =>
        await app.WithServiceAsync<UserManager<ApplicationUser>, bool>(async users => (await users.FindByEmailAsync(email))!.TwoFactorEnabled);
}
