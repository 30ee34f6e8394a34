using System.Net;
using AngleSharp.Dom;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>Steps the tests of a profile's colleagues, revisions and page share: members, profiles, refusals.</summary>
public static class ProfileScenarios
{
    /// <summary>Registers a cluster organisation through its form, as the signed-in member in <paramref name="browser"/>; returns its slug.</summary>
    public static async Task<string> RegisterProfileAsync(HttpClient browser, string name)
    {
        using var response = await browser.SubmitFormAsync("/cluster-organisations/register", new()
        {
            ["Form.Name"] = name,
            ["Form.Website"] = "https://cluster.example.org",
            ["Form.CountryCode"] = "RS",
            ["Form.City"] = "Novi Sad",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"register answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Select(e => $"{e.Key}: {e.Value}")));
        return response.Headers.Location!.OriginalString.Split('/')[2];
    }

    /// <summary>The e-mail addresses of the profile's administrators, sorted.</summary>
    public static Task<List<string>> AdministratorsAsync(this ClusterAtlasFactory app, string slug) =>
        app.WithDbAsync(db => db.ProfileAdministrators.Where(a => a.ClusterOrganisation.Slug == slug)
            .Select(a => a.User.Email!).OrderBy(e => e).ToListAsync());

    public static Task<string> UserIdAsync(this ClusterAtlasFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<Guid> ConcurrencyTokenAsync(this ClusterAtlasFactory app, string slug) =>
        app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.ConcurrencyToken).SingleAsync());

    /// <summary>Everything the refused requests could have changed: every administrator row, and each profile's token and revisions.</summary>
    public static Task<string> SnapshotAsync(this ClusterAtlasFactory app) => app.WithDbAsync(async db =>
    {
        var administrators = await db.ProfileAdministrators.Select(a => $"{a.ClusterOrganisationId}:{a.UserId}").ToListAsync();
        var profiles = await db.ClusterOrganisations.Select(p => $"{p.Id}:{p.Name}:{p.Status}:{p.ConcurrencyToken}").ToListAsync();
        var revisions = await db.ProfileRevisions.CountAsync();
        return string.Join("\n", administrators.Order(StringComparer.Ordinal)) + "\n" + string.Join("\n", profiles.Order(StringComparer.Ordinal)) + $"\n{revisions}";
    });

    /// <summary>A moderator signed in with two-factor authentication set up, as staff must be to act.</summary>
    public static async Task<HttpClient> SignInModeratorAsync(this ClusterAtlasFactory app, string email)
    {
        await app.AddStaffAsync(email, AccountRoles.Moderator);
        var browser = app.CreateBrowser();
        using (var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(browser, email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        const string setupUrl = "/account/two-factor/setup";
        var setup = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(setupUrl, UriKind.Relative)));
        var key = setup.QuerySelector("#shared-key")!.TextContent.Trim();
        using var enabled = await browser.SubmitFormAsync(setupUrl, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.True(enabled.IsSuccessStatusCode || enabled.StatusCode == HttpStatusCode.Redirect, $"two-factor setup answered {(int)enabled.StatusCode}");
        return browser;
    }

    /// <summary>Refused: forbidden, a bad request (no valid antiforgery token), or sent to sign in or to "access denied".</summary>
    public static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.PathAndQuery() is { } location
            && (location.StartsWith("/account/login", StringComparison.Ordinal) || location.StartsWith("/account/access-denied", StringComparison.Ordinal)));

    /// <summary>Posts to <paramref name="path"/> with an antiforgery token valid for this browser, taken from a form it may open.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        using var register = await browser.GetAsync(new Uri("/cluster-organisations/register", UriKind.Relative));
        var html = register.IsSuccessStatusCode ? await register.Content.ReadAsStringAsync() : await browser.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var page = await ClusterAtlasFactory.ParseAsync(html);
        var values = new Dictionary<string, string>(fields);
        if (page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
        {
            values["__RequestVerificationToken"] = token;
        }
        using var content = new FormUrlEncodedContent(values);
        return await browser.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The remove form of the colleague with <paramref name="userId"/> on a colleagues page.</summary>
    public static IElement? RemoveFormOf(IDocument page, string userId) =>
        page.QuerySelectorAll("form.inline-form").FirstOrDefault(f => f.QuerySelector("input[name=userId]")?.GetAttribute("value") == userId);
}
