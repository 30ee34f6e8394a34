using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Api;

/// <summary>What the tests of the write API do as a member and as their script: make a token on the account page, call the API with it.</summary>
public static class ApiTokenScenarios
{
    public const string DemoProfileUrl = "/api/v1/cluster-organisations/" + SeedPage.Slug;

    /// <summary>Makes a token on /account/tokens as the signed-in member of <paramref name="browser"/>; returns the token the page shows once.</summary>
    public static async Task<string> MakeTokenAsync(this HttpClient browser, string name, string scope = "Write", int days = 30)
    {
        using var response = await browser.SubmitFormAsync("/account/tokens", new()
        {
            ["Input.Name"] = name, ["Input.Scope"] = scope, ["Input.LifetimeInDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "form[action*='handler=Create']");
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("#new-token")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("no new token on the page: " + page.QuerySelector("main")?.TextContent);
    }

    /// <summary>A member who administers the demo profile (published), signed in, with a token of <paramref name="scope"/>.</summary>
    public static async Task<(HttpClient Browser, string Token, string Email)> DemoAdministratorAsync(this ClusterAtlasFactory app, string scope = "Write")
    {
        var email = ClusterAtlasFactory.NewEmail();
        var browser = await app.RegisterAndSignInAsync(email);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == SeedPage.Slug);
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profile.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return (browser, await browser.MakeTokenAsync("Our website", scope), email);
    }

    /// <summary>A call of the API as a script makes it: a bearer token (or none), a JSON body of its media type, If-Match.</summary>
    public static async Task<(HttpResponseMessage Response, JsonNode? Json)> CallAsync(this ClusterAtlasFactory app, HttpMethod method, string url, string? token,
        object? body = null, string mediaType = "application/merge-patch+json", EntityTagHeaderValue? ifMatch = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, mediaType);
        }
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static Task<(HttpResponseMessage Response, JsonNode? Json)> PatchAsync(this ClusterAtlasFactory app, string token, object patch, EntityTagHeaderValue? ifMatch,
        string url = DemoProfileUrl) =>
        app.CallAsync(HttpMethod.Patch, url, token, patch, ifMatch: ifMatch);

    /// <summary>The profile as the token reads it, and its ETag.</summary>
    public static async Task<(JsonObject Profile, EntityTagHeaderValue ETag)> ReadAsync(this ClusterAtlasFactory app, string? token, string url = DemoProfileUrl)
    {
        var (response, json) = await app.CallAsync(HttpMethod.Get, url, token);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {json}");
        return (json!.AsObject(), response.Headers.ETag!);
    }

    /// <summary>The message of a problem's errors under a JSON path.</summary>
    public static string ErrorAt(JsonNode? problem, string path) =>
        problem?["errors"]?[path]?.AsArray().Select(m => m!.GetValue<string>()).FirstOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"no error at {path}: {problem}");
}
