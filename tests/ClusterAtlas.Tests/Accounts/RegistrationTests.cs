using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Accounts;

public sealed class RegistrationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Someone_who_wanted_to_register_their_cluster_gets_there_after_creating_an_account()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = app.CreateBrowser();
        using var wanted = await browser.GetAsync(new Uri("/cluster-organisations/register", UriKind.Relative));
        var login = wanted.Headers.Location!.PathAndQuery();
        Assert.StartsWith("/account/login?ReturnUrl=%2Fcluster-organisations%2Fregister", login, StringComparison.Ordinal);

        var loginPage = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(login, UriKind.Relative)));
        var registerLink = loginPage.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/account/register", StringComparison.Ordinal));
        Assert.Equal("/account/register?returnUrl=%2Fcluster-organisations%2Fregister", registerLink);
        using var registered = await browser.SubmitFormAsync(registerLink, new()
        {
            ["Input.DisplayName"] = "Ana Test",
            ["Input.Email"] = email,
            ["Input.Password"] = ClusterAtlasFactory.Password,
            ["Input.ConfirmPassword"] = ClusterAtlasFactory.Password,
            ["Input.AcceptPrivacyPolicy"] = "true",
            ["Input.AcceptTerms"] = "true",
        });
        var confirm = ClusterAtlasFactory.LinkIn(await app.LatestMailAsync(email, "Confirm your e-mail address"), "/account/confirm-email");
        var confirmed = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(confirm));
        var signIn = confirmed.QuerySelector("main a")!.GetAttribute("href")!;
        Assert.Equal("/account/login?returnUrl=%2Fcluster-organisations%2Fregister", signIn);
        using var signedIn = await browser.SubmitFormAsync(signIn, new() { ["Input.Email"] = email, ["Input.Password"] = ClusterAtlasFactory.Password });
        Assert.Equal("/cluster-organisations/register", signedIn.Headers.Location?.OriginalString);

        // Only pages on this site: another address is dropped on the way.
        var elsewhere = await ClusterAtlasFactory.ParseAsync(await app.CreateClient().GetStringAsync(new Uri("/account/login?returnUrl=https%3A%2F%2Fevil.example", UriKind.Relative)));
        Assert.Contains(elsewhere.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/account/register");
    }

    [Fact]
    public async Task Register_confirm_by_mail_then_sign_in()
    {
        var email = ClusterAtlasFactory.NewEmail();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var browser = app.CreateBrowser();

        using var registered = await ClusterAtlasFactory.RegisterAsync(browser, email, name: "Milica Petrović");
        Assert.Contains("Check your inbox", await ClusterAtlasFactory.MainTextAsync(registered), StringComparison.Ordinal);

        var mail = await app.LatestMailAsync(email, "Confirm your e-mail address");
        Assert.NotNull(mail.TextBody);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains("Milica Petrović", mail.HtmlBody, StringComparison.Ordinal);
        var link = ClusterAtlasFactory.LinkIn(mail, "/account/confirm-email");

        // Before the confirmation, the right password does not sign in.
        using var early = await ClusterAtlasFactory.SubmitLoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("confirm your e-mail address first", await ClusterAtlasFactory.MainTextAsync(early), StringComparison.Ordinal);

        using var confirmed = await browser.GetAsync(link);
        Assert.Contains("Your e-mail address is confirmed", await ClusterAtlasFactory.MainTextAsync(confirmed), StringComparison.Ordinal);

        using var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);

        var home = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Equal("Milica Petrović", home.QuerySelector(".account-nav a[href='/account']")?.TextContent.Trim());
        Assert.NotNull(home.QuerySelector(".account-nav form[action='/account/logout'] input[name=__RequestVerificationToken]"));

        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.True(user.EmailConfirmed);
        Assert.Equal("en", user.PreferredLanguage);
        Assert.InRange(user.PrivacyPolicyAcceptedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.InRange(user.TermsAcceptedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(TimeSpan.Zero, user.PrivacyPolicyAcceptedAt.Value.Offset);
    }

    [Fact]
    public async Task Missing_consents_are_errors_next_to_their_fields()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = app.CreateBrowser();
        using var response = await browser.SubmitFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = "Ana",
            ["Input.Email"] = email,
            ["Input.Password"] = ClusterAtlasFactory.Password,
            ["Input.ConfirmPassword"] = ClusterAtlasFactory.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        Assert.Equal("Accept the privacy policy to create an account.", errors["Input.AcceptPrivacyPolicy"]);
        Assert.Equal("Accept the terms of use to create an account.", errors["Input.AcceptTerms"]);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Accept the terms of use", page.QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task The_error_summary_links_each_error_to_its_field_names_the_field_and_follows_the_forms_order()
    {
        using var browser = app.CreateBrowser();
        using var response = await browser.SubmitFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "not an address",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "other",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll("main .error-summary li a").ToList();
        Assert.Equal(["#Input_DisplayName", "#Input_Email", "#Input_Password", "#Input_ConfirmPassword", "#Input_AcceptPrivacyPolicy", "#Input_AcceptTerms"],
            links.Select(a => a.GetAttribute("href")));
        // Each link leads to an input of the form, and says which field and what is wrong.
        Assert.All(links, a => Assert.NotNull(page.QuerySelector($"main form {a.GetAttribute("href")}")));
        Assert.Equal("Your name: Enter your name.", links[0].TextContent);
        Assert.Equal("Password again: The two passwords are not the same.", links[3].TextContent);
        Assert.Equal("I have read and accept the privacy policy: Accept the privacy policy to create an account.", links[4].TextContent);
        Assert.Equal(links.Count, page.QuerySelectorAll("main .error-summary li").Length);
    }

    [Fact]
    public async Task Missing_consents_are_said_in_the_readers_language()
    {
        using var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        using var response = await browser.SubmitFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = "Ana",
            ["Input.Email"] = ClusterAtlasFactory.NewEmail(),
            ["Input.Password"] = ClusterAtlasFactory.Password,
            ["Input.ConfirmPassword"] = ClusterAtlasFactory.Password,
        });

        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        Assert.Equal("Akzeptieren Sie die Datenschutzerklärung, um ein Konto anzulegen.", errors["Input.AcceptPrivacyPolicy"]);
        Assert.Equal("Akzeptieren Sie die Nutzungsbedingungen, um ein Konto anzulegen.", errors["Input.AcceptTerms"]);
    }

    [Fact]
    public async Task A_short_password_is_an_error_next_to_the_password()
    {
        using var browser = app.CreateBrowser();
        using var response = await ClusterAtlasFactory.RegisterAsync(browser, ClusterAtlasFactory.NewEmail(), password: "short");
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        Assert.Equal("Use from 10 to 200 characters.", errors["Input.Password"]);
    }

    [Fact]
    public async Task Registering_a_known_address_answers_the_same_and_tells_its_owner()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        using var browser = app.CreateBrowser();

        using var again = await ClusterAtlasFactory.RegisterAsync(browser, email, password: "another long password");
        using var fresh = await ClusterAtlasFactory.RegisterAsync(browser, "new-" + email);

        Assert.Equal(
            (await ClusterAtlasFactory.MainTextAsync(fresh)).Replace("new-" + email, "ADDRESS", StringComparison.Ordinal),
            (await ClusterAtlasFactory.MainTextAsync(again)).Replace(email, "ADDRESS", StringComparison.Ordinal));
        await app.LatestMailAsync(email, "You already have a ClusterAtlas account");
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = app.CreateBrowser();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.org",
            ["Input.Password"] = ClusterAtlasFactory.Password,
        });
        using var response = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
