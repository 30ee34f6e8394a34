using System.Net;
using ClusterAtlas.News;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.News;

/// <summary>Steps the news tests share: the form posted as a browser posts it (multipart, with its token), the stored item.</summary>
public static class NewsScenarios
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static Dictionary<string, string> Fields(string title, params (string Name, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = title,
            ["Form.Summary"] = "A short summary of the news.",
            ["Form.Body"] = "Our cluster did **something** worth telling. See https://example.org/more.",
            ["Form.Tags"] = "Green Deal, matchmaking",
        };
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }
        return fields;
    }

    /// <summary>Posts the news form at <paramref name="target"/> (its handler in the query), with the token of <paramref name="tokenPage"/> and an optional image file.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string target, Dictionary<string, string> fields, byte[]? image = null, string? tokenPage = null)
    {
        string? token = null;
        foreach (var page in new[] { tokenPage ?? target.Split('?')[0], "/cluster-organisations/register", "/account/login" })
        {
            using var get = await browser.GetAsync(new Uri(page, UriKind.Relative));
            var document = await ClusterAtlasFactory.ParseAsync(await get.Content.ReadAsStringAsync());
            token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
            if (get.IsSuccessStatusCode && token is not null)
            {
                break;
            }
        }
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        content.Add(new StringContent(token ?? ""), "__RequestVerificationToken");
        if (image is not null)
        {
            var file = new ByteArrayContent(image);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            content.Add(file, "Image", "picture.png");
        }
        return await browser.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>Submits news for the member's profile through the form; returns its slug.</summary>
    public static async Task<string> SubmitNewsAsync(this Member member, string title, params (string Name, string Value)[] extra)
    {
        using var response = await PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/news/new?handler=Submit", Fields(title, extra));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"news answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Select(e => $"{e.Key}: {e.Value}")));
        return response.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0];
    }

    public static Task<NewsItem> NewsAsync(this ClusterAtlasFactory app, string slug) =>
        app.WithDbAsync(db => db.Set<NewsItem>().AsNoTracking().Include(n => n.RelatedProfiles).SingleAsync(n => n.Slug == slug));

    /// <summary>A moderator's decision on the review page.</summary>
    public static Task<HttpResponseMessage> DecideAsync(HttpClient moderator, string slug, string handler, string? reason = null) =>
        PartnerSearchScenarios.PostAsync(moderator, $"/moderation/news/{slug}?handler={handler}",
            reason is null ? [] : [new("Reason", reason)], $"/moderation/news/{slug}");

    /// <summary>Every news row's state, to show that refused requests changed nothing.</summary>
    public static Task<string> NewsSnapshotAsync(this ClusterAtlasFactory app) => app.WithDbAsync(async db =>
    {
        var items = await db.Set<NewsItem>().AsNoTracking().OrderBy(n => n.Id)
            .Select(n => $"{n.Id}:{n.Slug}:{n.Title}:{n.Status}:{n.UpdatedAt.ToUnixTimeMilliseconds()}:{n.ImageSha256}").ToListAsync();
        var trusted = await db.Set<TrustedNewsProfile>().CountAsync();
        return string.Join("\n", items) + $"\ntrusted:{trusted}";
    });
}
