using System.Net;
using AngleSharp.Dom;
using ClusterAtlas.Accounts;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>Steps the tests of a profile's colleagues, revisions and page share: members, profiles, refusals.</summary>
public static class ProfileScenarios
{
    /// <summary>Registers a cluster organisation through its form, as the signed-in member in <paramref name="browser"/>; returns its slug.</summary>
    public static async Task<string> RegisterProfileAsync(HttpClient browser, string name, string website = "https://cluster.example.org")
    {
        using var response = await browser.SubmitFormAsync("/cluster-organisations/register", new()
        {
            ["Form.Name"] = name,
            ["Form.Website"] = website,
            ["Form.CountryCode"] = "RS",
            ["Form.City"] = "Novi Sad",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"register answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Select(e => $"{e.Key}: {e.Value}")));
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("/edit/general?created=true", location, StringComparison.Ordinal);
        return location.Split('/')[2];
    }

    /// <summary>
    /// Registers a profile as <paramref name="owner"/>, sets what <paramref name="fill"/> sets (its management team loaded),
    /// and publishes it as a moderator would; returns its slug.
    /// </summary>
    public static async Task<string> PublishedProfileAsync(this ClusterAtlasFactory app, HttpClient owner, string name, Action<ClusterOrganisation>? fill = null)
    {
        var slug = await RegisterProfileAsync(owner, name);
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.Include(p => p.ManagementTeam).SingleAsync(p => p.Slug == slug);
            fill?.Invoke(profile);
            profile.Status = ProfileStatus.Published;
            profile.PublishedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<DirectoryIndex>().MarkStale();
        return slug;
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

    /// <summary>Refused: forbidden, a bad request (no valid antiforgery token), or sent to sign in or to "access denied".</summary>
    public static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.PathAndQuery() is { } location
            && (location.StartsWith("/account/login", StringComparison.Ordinal) || location.StartsWith("/account/access-denied", StringComparison.Ordinal)));

    /// <summary>Posts to <paramref name="path"/> with an antiforgery token valid for this browser, taken from a form it may open.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        using var register = await browser.GetAsync(new Uri("/cluster-organisations/register", UriKind.Relative));
        var pageWithForm = register.IsSuccessStatusCode ? "/cluster-organisations/register" : "/account/login";
        return await Moderation.ModerationScenario.PostWithTokenAsync(browser, pageWithForm, path, fields);
    }

    /// <summary>The remove form of the colleague with <paramref name="userId"/> on a colleagues page.</summary>
    public static IElement? RemoveFormOf(IDocument page, string userId) =>
        page.QuerySelectorAll("form.inline-form").FirstOrDefault(f => f.QuerySelector("input[name=userId]")?.GetAttribute("value") == userId);
}
