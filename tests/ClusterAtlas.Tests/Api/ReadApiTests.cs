using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClusterAtlas.Api;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Api;

/// <summary>The read API as a machine client meets it: one profile, the search's pages, vocabularies, countries, caching, CORS.</summary>
public sealed class ReadApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string ProfileUrl = "/api/v1/cluster-organisations/" + SeedPage.Slug;

    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string url, Action<HttpRequestMessage>? prepare = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.RelativeOrAbsolute));
        prepare?.Invoke(request);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public async Task A_profile_has_every_field_of_the_profile_schema_in_camel_case_with_its_licence()
    {
        var (response, profile) = await GetJsonAsync(ProfileUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        foreach (var field in ProfileSchema.Fields)
        {
            Assert.True(profile.TryGetProperty(ProfileJson.PropertyName(field), out _), $"{field.Name} is missing from the API's profile");
        }
        Assert.Equal(SeedPage.Slug, profile.GetProperty("slug").GetString());
        Assert.Equal("Vojvodina Metal Cluster", profile.GetProperty("name").GetString());
        Assert.Equal("RS", profile.GetProperty("countryCode").GetString());
        Assert.Contains(profile.GetProperty("sectoralIndustries").EnumerateArray(), t => t.GetProperty("id").GetInt32() > 0 && t.GetProperty("label").GetString()!.Length > 0);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", profile.GetProperty("licence").GetProperty("url").GetString());
        Assert.Contains("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"", response.Headers.GetValues("Link"));
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge: not null }, $"Cache-Control: {response.Headers.CacheControl}");
        // A shared cache keeps this anonymous answer apart from those to a token (a member's token reads more contacts).
        Assert.Contains("Authorization", response.Headers.Vary);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_repeated_read_with_its_etag_is_304_and_a_stale_if_match_is_a_412_problem()
    {
        var (first, _) = await GetJsonAsync(ProfileUrl);
        var etag = first.Headers.ETag!;

        var (again, _) = await GetJsonAsync(ProfileUrl, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);

        var (changed, _) = await GetJsonAsync(ProfileUrl, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\"")));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var (stale, problem) = await GetJsonAsync(ProfileUrl, r => r.Headers.IfMatch.Add(new EntityTagHeaderValue("\"an-older-version\"")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("If-Match", problem.GetProperty("header").GetString());
    }

    [Fact]
    public async Task Head_answers_the_headers_of_get_without_a_body()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/api/v1/countries", UriKind.Relative));
        using var response = await client.SendAsync(request);
        var (get, _) = await GetJsonAsync("/api/v1/countries");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(get.Headers.ETag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Contacts_shown_to_members_only_are_left_out_even_for_a_signed_in_member()
    {
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.Include(p => p.ManagementTeam).SingleAsync(p => p.Slug == SeedPage.Slug);
            profile.ManagementTeam[0].ContactVisibility = ContactVisibility.MembersOnly;
            profile.ManagementTeam[0].Email = "members-only@vmc.example.org";
            profile.ManagementTeam[1].ContactVisibility = ContactVisibility.Public;
            profile.ManagementTeam[1].Email = "public@vmc.example.org";
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<DirectoryIndex>().MarkStale();

        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var json = await member.GetStringAsync(new Uri(ProfileUrl, UriKind.Relative));
        var team = JsonDocument.Parse(json).RootElement.GetProperty("managementTeam").EnumerateArray().ToList();

        Assert.DoesNotContain("members-only@vmc.example.org", json, StringComparison.Ordinal);
        Assert.False(team[0].TryGetProperty("email", out _));
        Assert.False(team[0].TryGetProperty("phone", out _));
        Assert.Equal("membersOnly", team[0].GetProperty("contactVisibility").GetString());
        Assert.Equal("public@vmc.example.org", team[1].GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_search_links_its_first_last_previous_and_next_pages_keeping_its_parameters()
    {
        var (response, result) = await GetJsonAsync("/api/v1/cluster-organisations?pageSize=2&page=2&sort=name");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = result.GetProperty("links");
        Assert.Equal(6, result.GetProperty("total").GetInt32());
        Assert.Equal("http://localhost/api/v1/cluster-organisations?pageSize=2&sort=name&page=2", links.GetProperty("self").GetString());
        Assert.Equal("http://localhost/api/v1/cluster-organisations?pageSize=2&sort=name", links.GetProperty("first").GetString());
        Assert.Equal("http://localhost/api/v1/cluster-organisations?pageSize=2&sort=name", links.GetProperty("prev").GetString());
        Assert.Equal("http://localhost/api/v1/cluster-organisations?pageSize=2&sort=name&page=3", links.GetProperty("next").GetString());
        Assert.Equal("http://localhost/api/v1/cluster-organisations?pageSize=2&sort=name&page=3", links.GetProperty("last").GetString());

        var (_, last) = await GetJsonAsync("/api/v1/cluster-organisations?pageSize=2&page=3");
        Assert.Equal(JsonValueKind.Null, last.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Vocabularies_have_their_hierarchy_aliases_and_names_in_three_languages()
    {
        // The shipped technology fields are flat: a term an administrator put under a parent shows the hierarchy.
        await app.WithDbAsync(async db =>
        {
            var parent = await db.VocabularyTerms.FirstAsync(t => t.Vocabulary == ClusterAtlas.Vocabularies.Vocabulary.TechnologyFields);
            db.VocabularyTerms.Add(new ClusterAtlas.Vocabularies.VocabularyTerm
            {
                Vocabulary = parent.Vocabulary, Label = "Metal powder printing", MatchKey = TextFolding.MatchKey("Metal powder printing"),
                ParentId = parent.Id, SortOrder = parent.SortOrder, Aliases = ["Powder-bed fusion"],
            });
            return await db.SaveChangesAsync();
        });
        var (_, list) = await GetJsonAsync("/api/v1/vocabularies");
        var technology = list.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "technology-fields");
        Assert.True(technology.GetProperty("hierarchical").GetBoolean());
        Assert.True(technology.GetProperty("terms").GetInt32() > 10);

        var (response, vocabulary) = await GetJsonAsync(technology.GetProperty("url").GetString()!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var terms = vocabulary.GetProperty("terms").EnumerateArray().ToList();
        var child = terms.Single(t => t.GetProperty("label").GetString() == "Metal powder printing");
        Assert.Equal(["Powder-bed fusion"], child.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains(terms, t => t.GetProperty("id").GetInt32() == child.GetProperty("parentId").GetInt32());
        Assert.All(terms, t => Assert.Equal(["en", "sr-Latn", "de"], t.GetProperty("names").EnumerateObject().Select(n => n.Name)));
        Assert.All(terms, t => Assert.Equal(JsonValueKind.Array, t.GetProperty("aliases").ValueKind));

        var (_, sectors) = await GetJsonAsync("/api/v1/vocabularies/sectoral-industries");
        Assert.Contains(sectors.GetProperty("terms").EnumerateArray(), t => t.GetProperty("names").GetProperty("de").GetString() != t.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Countries_have_their_iso_codes_and_names_in_three_languages()
    {
        var (_, countries) = await GetJsonAsync("/api/v1/countries");
        var serbia = countries.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "RS");
        Assert.Equal("Serbia", serbia.GetProperty("names").GetProperty("en").GetString());
        Assert.Equal("Srbija", serbia.GetProperty("names").GetProperty("sr-Latn").GetString());
        Assert.Equal("Serbien", serbia.GetProperty("names").GetProperty("de").GetString());
    }

    [Fact]
    public async Task Cors_lets_any_origin_read_without_credentials_and_answers_the_preflight()
    {
        using var client = app.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(ProfileUrl, UriKind.Relative));
        preflight.Headers.Add("Origin", "https://data.example.net");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var allowed = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));

        using var simple = new HttpRequestMessage(HttpMethod.Get, new Uri(ProfileUrl, UriKind.Relative));
        simple.Headers.Add("Origin", "https://data.example.net");
        using var read = await client.SendAsync(simple);
        Assert.Equal("*", read.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", read.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);

        using var unknown = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/nothing-here", UriKind.Relative));
        unknown.Headers.Add("Origin", "https://data.example.net");
        using var missing = await client.SendAsync(unknown);
        Assert.Equal("*", missing.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
