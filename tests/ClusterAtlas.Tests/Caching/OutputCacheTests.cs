using System.Net;
using System.Net.Http.Headers;
using ClusterAtlas.Accounts;
using ClusterAtlas.Caching;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Moderation;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Tests.Vocabularies;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Caching;

/// <summary>
/// The output cache: anonymous readers get stored answers (a stored answer carries an Age header), varied by what
/// changes the bytes; nobody gets another's answer; every kind of write shows on the anonymous pages at once.
/// </summary>
public sealed class OutputCacheTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string Seed = "/cluster-organisations/vojvodina-metal-cluster";

    public static TheoryData<string> PublicAnswers =>
    [
        "/", "/cluster-organisations", Seed, Seed + "/print", "/partner-search", "/network", "/cluster-organisations/map", "/statistics",
        "/statistics/country.csv", ClusterAtlas.WebOfData.ProfileFeed.Path, ClusterAtlas.PartnerSearch.PostingFeed.Path,
        ClusterAtlas.WebOfData.Sitemap.Path, "/robots.txt", "/api/v1/cluster-organisations", "/api/v1" + Seed,
        "/api/v1/vocabularies", "/api/v1/countries", ClusterAtlas.Map.MapGeoJson.Path, ClusterAtlas.Map.MapPoints.Path,
    ];

    [Theory]
    [MemberData(nameof(PublicAnswers))]
    public async Task A_public_answer_is_stored_for_anonymous_readers_and_sets_no_cookie_nor_token(string url)
    {
        using var client = app.CreateClient();
        using var first = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), $"{url} sets a cookie");
        Assert.DoesNotContain("__RequestVerificationToken", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var second = await GetAsync(client, url);
        Assert.True(second.Headers.Age is not null, $"{url} was rendered again instead of served from the cache");
    }

    [Fact]
    public async Task The_language_the_page_is_rendered_in_is_part_of_the_key()
    {
        var url = "/cluster-organisations?utm_source=" + Guid.NewGuid().ToString("N");
        using var client = app.CreateClient();
        Assert.Equal("de", await HtmlLangAsync(client, url, acceptLanguage: "de-DE,de;q=0.9"));
        Assert.Equal("sr-Latn", await HtmlLangAsync(client, url, acceptLanguage: "sr"));
        Assert.Equal("en", await HtmlLangAsync(client, url, acceptLanguage: "en"));
        // The language cookie wins over the browser's language, in the cache as on the page.
        Assert.Equal("sr-Latn", await HtmlLangAsync(client, url, acceptLanguage: "de", cookie: ".AspNetCore.Culture=c%3Dsr-Latn%7Cuic%3Dsr-Latn"));
        Assert.Equal("de", await HtmlLangAsync(client, url, acceptLanguage: "de"));
    }

    [Fact]
    public async Task The_query_is_part_of_the_key()
    {
        using var client = app.CreateClient();
        var word = VocabularyScenarios.UniqueWord();
        using var plain = await GetAsync(client, "/cluster-organisations");
        using var searched = await GetAsync(client, "/cluster-organisations?q=" + word);
        Assert.Contains(word, await searched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(word, await (await GetAsync(client, "/cluster-organisations")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_reader_never_gets_the_anonymous_answer_nor_the_reverse()
    {
        var url = "/?utm_source=" + Guid.NewGuid().ToString("N");
        using var anonymous = app.CreateClient();
        using var stored = await GetAsync(anonymous, url);
        using var again = await GetAsync(anonymous, url);
        Assert.NotNull(again.Headers.Age);

        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var signedIn = await member.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Null(signedIn.Headers.Age);
        Assert.Contains("/account/logout", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A page first rendered for a signed-in member is not stored for the anonymous.
        var other = "/?utm_source=" + Guid.NewGuid().ToString("N");
        using var forMember = await member.GetAsync(new Uri(other, UriKind.Relative));
        using var forMemberAgain = await member.GetAsync(new Uri(other, UriKind.Relative));
        Assert.Null(forMemberAgain.Headers.Age);
        using var forAnonymous = await GetAsync(anonymous, other);
        Assert.Null(forAnonymous.Headers.Age);
        Assert.DoesNotContain("/account/logout", await forAnonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_the_sign_in_cookie_or_a_token_bypasses_the_cache_even_when_it_is_not_valid()
    {
        var url = "/cluster-organisations?utm_source=" + Guid.NewGuid().ToString("N");
        using var client = app.CreateClient();
        using var stored = await GetAsync(client, url);
        using var withCookie = await GetAsync(client, url, cookie: "ClusterAtlas.Account=expired");
        Assert.Null(withCookie.Headers.Age);
        using var api = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/countries", UriKind.Relative));
        using var warm = await client.GetAsync(new Uri("/api/v1/countries", UriKind.Relative));
        api.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "clat_not-a-token");
        using var withToken = await client.SendAsync(api);
        Assert.Null(withToken.Headers.Age);
    }

    [Fact]
    public async Task Answers_that_set_a_cookie_are_marked_no_store_or_private_or_are_not_200_are_not_stored()
    {
        IOutputCachePolicy policy = new PublicCacheAttribute(ContentTags.Profiles);
        foreach (var (what, shape) in new (string, Action<Microsoft.AspNetCore.Http.HttpResponse>)[]
        {
            ("a cookie", r => r.Headers.SetCookie = "x=1"),
            ("no-store (an antiforgery token)", r => r.Headers.CacheControl = "no-cache, no-store"),
            ("private", r => r.Headers.CacheControl = "private, no-cache"),
            ("404", r => r.StatusCode = 404),
        })
        {
            var context = new OutputCacheContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services } };
            context.HttpContext.Request.Method = "GET";
            await policy.CacheRequestAsync(context, CancellationToken.None);
            Assert.True(context.AllowCacheStorage);
            shape(context.HttpContext.Response);
            await policy.ServeResponseAsync(context, CancellationToken.None);
            Assert.False(context.AllowCacheStorage, $"an answer with {what} would be stored");
        }
    }

    [Fact]
    public async Task An_answer_made_while_content_changed_is_not_stored()
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        var eviction = app.Services.GetRequiredService<CacheEviction>();
        var generation = app.Services.GetRequiredService<ContentGeneration>();
        await Task.Run(async () =>
        {
            GenerationCheckedStore.NoteRequestStart(generation.Value);
            await store.SetAsync("kept", [1], [ContentTags.All], TimeSpan.FromMinutes(1), CancellationToken.None);
            GenerationCheckedStore.NoteRequestStart(generation.Value);
            eviction.Evict("unrelated"); // a write between the start of a request and its answer
            await store.SetAsync("refused", [1], [ContentTags.All], TimeSpan.FromMinutes(1), CancellationToken.None);
        });
        Assert.NotNull(await store.GetAsync("kept", CancellationToken.None));
        Assert.Null(await store.GetAsync("refused", CancellationToken.None));
    }

    [Fact]
    public async Task A_moderation_decision_and_an_edit_show_on_the_anonymous_pages_at_once()
    {
        var word = ModerationScenario.UniqueWord();
        var profile = await app.SubmittedProfileAsync("Cached Cluster " + word);
        using var client = app.CreateClient();
        var search = "/cluster-organisations?q=" + word;
        await AssertStoredWithoutAsync(client, search, "Cached Cluster " + word);

        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await ModerationScenario.ApproveAsync(moderator, profile);
        Assert.Contains("Cached Cluster " + word, await TextAsync(client, search), StringComparison.Ordinal);

        var page = "/cluster-organisations/" + profile.Slug;
        var newText = "Now with robots " + ModerationScenario.UniqueWord();
        await AssertStoredWithoutAsync(client, page, newText);
        await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.ShortDescription)] = newText);
        Assert.Contains(newText, await TextAsync(client, page), StringComparison.Ordinal);
        Assert.Contains(newText, await TextAsync(client, "/api/v1" + page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_shows_on_the_anonymous_directory_at_once()
    {
        var word = VocabularyScenarios.UniqueWord();
        using var client = app.CreateClient();
        var search = "/cluster-organisations?q=" + word;
        await AssertStoredWithoutAsync(client, search, "Imported " + word);
        await AssertStoredWithoutAsync(client, "/api/v1/cluster-organisations?q=" + word, "Imported " + word);
        await app.ImportProfileAsync("Imported " + word + " Cluster", ["Automotive"]);
        Assert.Contains("Imported " + word, await TextAsync(client, search), StringComparison.Ordinal);
        Assert.Contains("Imported " + word, await TextAsync(client, "/api/v1/cluster-organisations?q=" + word), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vocabulary_change_shows_on_the_anonymous_profile_page_at_once()
    {
        var word = VocabularyScenarios.UniqueWord();
        var oldName = "Hydraulics " + word;
        using var admin = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        using (var add = await admin.SubmitFormAsync($"/admin/vocabularies/{Vocabulary.SectoralIndustries}", new() { ["Label"] = oldName }))
        {
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        }
        var term = (await app.TermAsync(Vocabulary.SectoralIndustries, oldName))!;
        var (slug, _) = await app.ImportProfileAsync("Vocabulary Cluster " + word, [oldName]);
        using var client = app.CreateClient();
        var page = "/cluster-organisations/" + slug;
        var newName = "Fluid power " + word;
        await AssertStoredWithoutAsync(client, page, newName);
        using var renamed = await admin.SubmitFormAsync($"/admin/vocabularies/{term.Vocabulary}/terms/{term.Id}", new() { ["NewLabel"] = newName }, "main form[action*='handler=Rename']");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains(newName, await TextAsync(client, page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posting_shows_on_the_anonymous_partner_search_at_once()
    {
        var member = await app.MemberWithPublishedProfileAsync("Posting Cluster " + VocabularyScenarios.UniqueWord());
        using var client = app.CreateClient();
        var title = "Partners for castings " + VocabularyScenarios.UniqueWord();
        await AssertStoredWithoutAsync(client, "/partner-search", title);
        await AssertStoredWithoutAsync(client, ClusterAtlas.PartnerSearch.PostingFeed.Path, title);
        await member.PostPostingAsync(title);
        Assert.Contains(title, await TextAsync(client, "/partner-search"), StringComparison.Ordinal);
        Assert.Contains(title, await TextAsync(client, ClusterAtlas.PartnerSearch.PostingFeed.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_no_public_page_shows_leaves_the_cache_alone()
    {
        var url = "/?utm_source=" + Guid.NewGuid().ToString("N");
        using var client = app.CreateClient();
        using var stored = await GetAsync(client, url);
        await app.RegisterAndConfirmAsync(ClusterAtlasFactory.NewEmail()); // accounts are declared as shown on no public page
        using var again = await GetAsync(client, url);
        Assert.NotNull(again.Headers.Age);
        // A write of a kind nobody declared evicts everything: correct before anyone thinks of the cache.
        Assert.Equal([ContentTags.All], app.Services.GetRequiredService<CacheTagMap>().TagsOf(typeof(UndeclaredRow)));
    }

    private sealed class UndeclaredRow;

    private static async Task AssertStoredWithoutAsync(HttpClient client, string url, string text)
    {
        Assert.DoesNotContain(text, await TextAsync(client, url), StringComparison.Ordinal);
        using var again = await GetAsync(client, url);
        Assert.True(again.Headers.Age is not null, $"{url} is not stored");
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        using var response = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string?> HtmlLangAsync(HttpClient client, string url, string acceptLanguage, string? cookie = null)
    {
        using var response = await GetAsync(client, url, acceptLanguage, cookie);
        var document = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        return document.DocumentElement.GetAttribute("lang");
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptLanguage = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return client.SendAsync(request);
    }
}
