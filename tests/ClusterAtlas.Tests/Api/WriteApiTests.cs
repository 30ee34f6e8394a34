using System.Net;
using System.Net.Http.Headers;
using ClusterAtlas.AccessTokens;
using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Api;

/// <summary>
/// The write API as a member and their script meet it: a token made on the account page (shown once, stored hashed,
/// revoked), members-only contacts for a member's token, PATCH and PUT of one's own profile checked like the form and
/// saved as revisions on the moderators' feed, and every refusal as problem details.
/// </summary>
public sealed class WriteApiTests(WriteApiFactory app) : IClassFixture<WriteApiFactory>
{
    [Fact]
    public async Task A_token_is_shown_once_stored_as_its_hash_listed_and_revoked_with_entries_in_the_audit_log()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);

        var token = await browser.MakeTokenAsync("Nightly sync", "Read", 7);

        Assert.StartsWith(AccessTokenStore.Prefix, token, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Set<AccessToken>().SingleAsync(t => t.Name == "Nightly sync"));
        Assert.Equal(AccessTokenStore.HashOf(token), stored.Hash);
        Assert.Equal(AccessTokenScope.Read, stored.Scope);
        Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(7), TimeSpan.FromDays(7));
        var list = await browser.GetStringAsync(new Uri("/account/tokens", UriKind.Relative));
        Assert.Contains("Nightly sync", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);

        var (read, _) = await app.CallAsync(HttpMethod.Get, ApiTokenScenarios.DemoProfileUrl, token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Set<AccessToken>().Where(t => t.Id == stored.Id).Select(t => t.LastUsedAt).SingleAsync()));
        // Its dates as the rest of the site writes them ("7 March 2027", not "07/03/2027"), the last use in UTC.
        var row = (await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri("/account/tokens", UriKind.Relative))))
            .QuerySelectorAll("table tbody tr").Single(r => r.TextContent.Contains("Nightly sync", StringComparison.Ordinal));
        var times = row.QuerySelectorAll("time").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal($"{stored.ExpiresAt.UtcDateTime.Day} {stored.ExpiresAt.UtcDateTime:MMMM yyyy}", times[0]);
        Assert.EndsWith(" UTC", times[1], StringComparison.Ordinal);

        using var revoked = await browser.SubmitFormAsync("/account/tokens", new() { ["tokenId"] = stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "form[action*='handler=Revoke']");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var (refused, problem) = await app.CallAsync(HttpMethod.Get, ApiTokenScenarios.DemoProfileUrl, token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("Authorization", problem?["header"]?.GetValue<string>());
        var audit = await app.WithDbAsync(db => db.ModerationActions.Where(a => a.ProfileName.Contains(email)).Select(a => a.Action).ToListAsync());
        Assert.Equal([ModerationActionKind.AccessTokenCreated, ModerationActionKind.AccessTokenRevoked], audit.Order());
    }

    [Fact]
    public async Task The_tokens_page_is_valid_html_empty_with_a_new_token_and_with_errors()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        await HtmlValidator.AssertValidAsync(await browser.GetStringAsync(new Uri("/account/tokens", UriKind.Relative)), "/account/tokens (none)");
        using var made = await browser.SubmitFormAsync("/account/tokens", new() { ["Input.Name"] = "Site", ["Input.Scope"] = "Write" }, "form[action*='handler=Create']");
        Assert.True(made.Headers.CacheControl?.NoStore, $"Cache-Control: {made.Headers.CacheControl}");
        await HtmlValidator.AssertValidAsync(await made.Content.ReadAsStringAsync(), "/account/tokens (new token)");
        using var refused = await browser.SubmitFormAsync("/account/tokens", new() { ["Input.Name"] = "" }, "form[action*='handler=Create']");
        await HtmlValidator.AssertValidAsync(await refused.Content.ReadAsStringAsync(), "/account/tokens (errors)");
    }

    [Fact]
    public async Task The_lifetime_is_one_of_those_offered_and_the_name_is_required()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var response = await browser.SubmitFormAsync("/account/tokens", new() { ["Input.Name"] = "", ["Input.LifetimeInDays"] = "3650" },
            "form[action*='handler=Create']");
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        Assert.Contains("Input.Name", errors.Keys);
        Assert.Contains("Input.LifetimeInDays", errors.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AccessToken>().CountAsync(t => t.Name == "")));
    }

    [Fact]
    public async Task A_members_token_reads_the_contacts_shown_to_members_and_an_anonymous_reader_does_not()
    {
        const string email = "members.only@example.org";
        var (administrator, writeToken, _) = await app.DemoAdministratorAsync();
        using var _a = administrator;
        var (profile, etag) = await app.ReadAsync(writeToken);
        var team = profile["managementTeam"]!.DeepClone().AsArray();
        team.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = "Mila Members", ["role"] = "Project manager", ["email"] = email, ["contactVisibility"] = "membersOnly" });
        var (saved, problem) = await app.PatchAsync(writeToken, new Dictionary<string, object?> { ["managementTeam"] = team }, etag);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, $"{(int)saved.StatusCode}: {problem}");
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var token = await browser.MakeTokenAsync("Reader", "Read");

        var (member, _) = await app.ReadAsync(token);
        var (anonymous, _) = await app.ReadAsync(null);

        Assert.Contains(email, member["managementTeam"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(email, anonymous["managementTeam"]!.ToJsonString(), StringComparison.Ordinal);
        var (response, _) = await app.CallAsync(HttpMethod.Get, ApiTokenScenarios.DemoProfileUrl, token);
        Assert.True(response.Headers.CacheControl is { Private: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_patch_by_the_profiles_administrator_is_saved_as_a_revision_on_the_moderators_feed()
    {
        var (browser, token, _) = await app.DemoAdministratorAsync();
        using var _b = browser;
        var (_, etag) = await app.ReadAsync(token);

        var (response, saved) = await app.PatchAsync(token, new { acronym = "VMC-API", otherLabels = (string?)null }, etag);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {saved}");
        Assert.Equal("VMC-API", saved!["acronym"]!.GetValue<string>());
        Assert.NotEqual(etag, response.Headers.ETag);
        var (again, newEtag) = await app.ReadAsync(token);
        Assert.Equal(response.Headers.ETag, newEtag);
        Assert.Equal("VMC-API", again["acronym"]!.GetValue<string>());
        var revision = await app.WithDbAsync(db => db.ProfileRevisions.Where(r => r.ClusterOrganisation.Slug == SeedPage.Slug).OrderByDescending(r => r.Id).FirstAsync());
        Assert.Contains("Acronym", revision.ChangedFields, StringComparison.Ordinal);
        Assert.NotNull(revision.AuthorUserId);
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var feed = await moderator.GetStringAsync(new Uri("/moderation/edits", UriKind.Relative));
        Assert.Contains("VMC-API", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_replaces_the_content_and_a_field_left_out_is_emptied()
    {
        var (browser, token, _) = await app.DemoAdministratorAsync();
        using var _b = browser;
        var (profile, etag) = await app.ReadAsync(token);
        profile["website"] = "https://put.example.org";
        profile.Remove("phone");

        var (response, saved) = await app.CallAsync(HttpMethod.Put, ApiTokenScenarios.DemoProfileUrl, token, profile.ToJsonString(), "application/json", etag);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {saved}");
        Assert.Equal("https://put.example.org", saved!["website"]!.GetValue<string>());
        Assert.Null(saved["phone"]);
        Assert.Equal(profile["sectoralIndustries"]!.ToJsonString(), saved["sectoralIndustries"]!.ToJsonString());
    }

    [Fact]
    public async Task A_write_needs_if_match_and_a_stale_one_is_refused()
    {
        var (browser, token, _) = await app.DemoAdministratorAsync();
        using var _b = browser;

        var (without, problem) = await app.PatchAsync(token, new { acronym = "X" }, null);
        Assert.Equal((HttpStatusCode)428, without.StatusCode);
        Assert.Equal("If-Match", problem?["header"]?.GetValue<string>());

        var (stale, staleProblem) = await app.PatchAsync(token, new { acronym = "X" }, new EntityTagHeaderValue("\"an-older-version\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("If-Match", staleProblem?["header"]?.GetValue<string>());
    }

    [Fact]
    public async Task Bad_documents_are_refused_with_the_json_path_of_each_error_and_nothing_is_written()
    {
        var (browser, token, _) = await app.DemoAdministratorAsync();
        using var _b = browser;
        var (profile, etag) = await app.ReadAsync(token);
        var before = await app.SnapshotOfDemoAsync();

        var (unknown, problem) = await app.PatchAsync(token, new { colour = "blue", acronym = "Y" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("colour", ApiTokenScenarios.ErrorAt(problem, "colour"), StringComparison.Ordinal);

        var team = profile["managementTeam"]!.DeepClone().AsArray();
        team[0]!["email"] = "not an address";
        var (invalid, invalidProblem) = await app.PatchAsync(token, new Dictionary<string, object?>
        {
            ["website"] = "ftp://example.org", ["managementTeam"] = team, ["totalMembers"] = "many", ["slug"] = "taken-over",
        }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("totalMembers", ApiTokenScenarios.ErrorAt(invalidProblem, "totalMembers"), StringComparison.Ordinal);
        Assert.Contains("slug", ApiTokenScenarios.ErrorAt(invalidProblem, "slug"), StringComparison.Ordinal);

        var (formRules, formProblem) = await app.PatchAsync(token, new Dictionary<string, object?> { ["website"] = "ftp://example.org", ["managementTeam"] = team }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, formRules.StatusCode);
        Assert.Contains("https://", ApiTokenScenarios.ErrorAt(formProblem, "website"), StringComparison.Ordinal);
        Assert.Contains("name@example.org", ApiTokenScenarios.ErrorAt(formProblem, "managementTeam[0].email"), StringComparison.Ordinal);

        var (unknownNuts, unknownNutsProblem) = await app.PatchAsync(token, new { nutsCode = "ZZ999" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownNuts.StatusCode);
        Assert.StartsWith("ZZ999 is not a NUTS code the platform knows", ApiTokenScenarios.ErrorAt(unknownNutsProblem, "nutsCode"), StringComparison.Ordinal);
        var (otherCountry, otherCountryProblem) = await app.PatchAsync(token, new { nutsCode = "DE21" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherCountry.StatusCode);
        Assert.StartsWith("DE21 is a region of Germany, not of Serbia", ApiTokenScenarios.ErrorAt(otherCountryProblem, "nutsCode"), StringComparison.Ordinal);

        var (notJson, notJsonProblem) = await app.CallAsync(HttpMethod.Patch, ApiTokenScenarios.DemoProfileUrl, token, "{\"acronym\": ", ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("body", notJsonProblem?["parameter"]?.GetValue<string>());

        var (wrongType, wrongTypeProblem) = await app.CallAsync(HttpMethod.Patch, ApiTokenScenarios.DemoProfileUrl, token, "{}", "application/json", etag);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("Content-Type", wrongTypeProblem?["header"]?.GetValue<string>());

        Assert.Equal(before, await app.SnapshotOfDemoAsync());
    }

    [Fact]
    public async Task Text_no_field_takes_a_member_given_twice_and_a_body_too_large_are_refused_as_the_clients_errors_and_nothing_is_written()
    {
        var (browser, token, _) = await app.DemoAdministratorAsync();
        using var _b = browser;
        var (profile, etag) = await app.ReadAsync(token);
        var before = await app.SnapshotOfDemoAsync();

        // Control characters (NUL, the bell, a terminal's escape) and half a character: 422 under each string's path.
        var team = profile["managementTeam"]!.DeepClone().AsArray();
        team[0]!["role"] = "Manager\u001b[31m";
        var (control, controlProblem) = await app.CallAsync(HttpMethod.Patch, ApiTokenScenarios.DemoProfileUrl, token,
            $$"""{"acronym": "A\u0000B", "shortDescription": "Lines\nand\ttabs are fine", "managementTeam": {{team.ToJsonString()}}}""", ifMatch: etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, control.StatusCode);
        Assert.Contains("U+0000", ApiTokenScenarios.ErrorAt(controlProblem, "acronym"), StringComparison.Ordinal);
        Assert.Contains("U+001B", ApiTokenScenarios.ErrorAt(controlProblem, "managementTeam[0].role"), StringComparison.Ordinal);
        Assert.Null(controlProblem?["errors"]?["shortDescription"]);
        var (half, halfProblem) = await app.CallAsync(HttpMethod.Patch, ApiTokenScenarios.DemoProfileUrl, token, """{"acronym": "A\ud800B"}""", ifMatch: etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, half.StatusCode);
        Assert.Contains("half of a character", ApiTokenScenarios.ErrorAt(halfProblem, "acronym"), StringComparison.Ordinal);

        // A member given twice is no document to guess from: 400 naming it, with its place counted from 1.
        var (twice, twiceProblem) = await app.CallAsync(HttpMethod.Patch, ApiTokenScenarios.DemoProfileUrl, token, """{"acronym": "A", "acronym": "B"}""", ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var detail = twiceProblem?["detail"]?.GetValue<string>() ?? "";
        Assert.Contains("acronym", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", detail, StringComparison.Ordinal);
        var (broken, brokenProblem) = await app.CallAsync(HttpMethod.Patch, ApiTokenScenarios.DemoProfileUrl, token, "{\"acronym\": \"A\" }}", ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("(line 1, column 18)", brokenProblem?["detail"]?.GetValue<string>(), StringComparison.Ordinal);

        // A body past a write's limit: 413 as problem details, not a failure of the server.
        var (large, largeProblem) = await app.CallAsync(HttpMethod.Put, ApiTokenScenarios.DemoProfileUrl, token,
            "{\"acronym\": \"" + new string('x', 1_100_000) + "\"}", "application/json", etag);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("application/problem+json", large.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1,000,000 bytes", largeProblem?["detail"]?.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(before, await app.SnapshotOfDemoAsync());
    }

    [Fact]
    public async Task Writes_need_a_valid_write_token_of_one_of_the_profiles_administrators()
    {
        var (administrator, writeToken, email) = await app.DemoAdministratorAsync();
        using var _a = administrator;
        var readToken = await administrator.MakeTokenAsync("Read only", "Read");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var strangersToken = await stranger.MakeTokenAsync("Stranger's", "Write");
        var expired = await administrator.MakeTokenAsync("Expired", "Write");
        await app.WithDbAsync(db => db.Set<AccessToken>().Where(t => t.Hash == AccessTokenStore.HashOf(expired))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var (_, etag) = await app.ReadAsync(writeToken);
        var before = await app.SnapshotOfDemoAsync();

        var (none, noneProblem) = await app.PatchAsync(null!, new { acronym = "Z" }, etag);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.StartsWith("Bearer", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("Authorization", noneProblem?["header"]?.GetValue<string>());
        foreach (var bad in new[] { "clat_not-a-token", expired })
        {
            var (refused, _) = await app.PatchAsync(bad, new { acronym = "Z" }, etag);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
        var (readOnly, readOnlyProblem) = await app.PatchAsync(readToken, new { acronym = "Z" }, etag);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
        Assert.Contains("insufficient_scope", readOnly.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", readOnly.Content.Headers.ContentType?.MediaType);
        var (others, othersProblem) = await app.PatchAsync(strangersToken, new { acronym = "Z" }, etag);
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        Assert.Equal("slug", othersProblem?["parameter"]?.GetValue<string>());

        // The site's cookie of the profile's own administrator does not write through the API.
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(ApiTokenScenarios.DemoProfileUrl, UriKind.Relative))
        {
            Content = new StringContent("{\"acronym\": \"Z\"}", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.IfMatch.Add(etag);
        using var withCookie = await administrator.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);

        Assert.Equal(before, await app.SnapshotOfDemoAsync());
    }
}

/// <summary>Writes are limited per token: past the limit, 429 problem details with Retry-After.</summary>
public sealed class WriteRateLimitTests(ThrottledWritesFactory app) : IClassFixture<ThrottledWritesFactory>
{
    [Fact]
    public async Task A_token_past_its_writes_per_minute_gets_429_with_retry_after()
    {
        var (browser, token, _) = await app.DemoAdministratorAsync();
        using var _b = browser;
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        System.Text.Json.Nodes.JsonNode? problem = null;
        for (var i = 0; i < 3; i++)
        {
            var (_, etag) = await app.ReadAsync(token);
            (last, problem) = await app.PatchAsync(token, new { acronym = $"VMC-{i}" }, etag);
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.True(problem?["retryAfter"]?.GetValue<int>() > 0, problem?.ToJsonString());
    }
}

internal static class DemoSnapshots
{
    /// <summary>What a refused write could have changed of the demo profile: its content token and its revisions.</summary>
    public static Task<string> SnapshotOfDemoAsync(this ClusterAtlasFactory app) => app.WithDbAsync(async db =>
        $"{await db.ClusterOrganisations.Where(p => p.Slug == SeedPage.Slug).Select(p => p.ConcurrencyToken).SingleAsync()}:"
        + $"{await db.ProfileRevisions.CountAsync(r => r.ClusterOrganisation.Slug == SeedPage.Slug)}");
}
