using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ClusterAtlas.Data;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Tests.Data;

/// <summary>
/// A SQLite database that becomes unusable while the platform runs: every request that needs it answers 503 with
/// Retry-After and the friendly page in the reader's language (problem details under /api/), never a 500 or a stack
/// trace; /health/ready fails meanwhile; afterwards the platform answers again by itself, and the file is undamaged.
/// </summary>
public sealed class DatabaseOutageTests
{
    [SqliteFact("it breaks the database file or folder, which a PostgreSQL installation does not have")]
    public async Task While_the_database_file_cannot_be_opened_requests_answer_503_and_ready_fails_and_afterwards_all_recovers()
    {
        await using var app = new ClusterAtlasFactory();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        var folder = app.Services.GetRequiredService<IOptions<ClusterAtlasOptions>>().Value.DataDirectory;

        // The folder is gone (an unmounted volume): new connections cannot open the file.
        Directory.Move(folder, folder + "-away");
        SqliteConnection.ClearAllPools();
        try
        {
            foreach (var (language, title) in new[] { ("de", "Die Plattform ist kurz nicht erreichbar"), ("sr-Latn", "Platforma je trenutno nedostupna"), ("en", "The platform is briefly unavailable") })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/cluster-organisations?q=metal+" + language, UriKind.Relative));
                request.Headers.AcceptLanguage.ParseAdd(language);
                using var page = await client.SendAsync(request);
                var html = await page.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(5), page.Headers.RetryAfter?.Delta);
                Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
                var document = await ClusterAtlasFactory.ParseAsync(html);
                Assert.Equal(title, document.QuerySelector("main h1")?.TextContent.Trim());
                Assert.NotNull(document.QuerySelector("link[rel=stylesheet]")); // the site's layout, not the plain fallback
                Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            }

            using var api = await client.GetAsync(new Uri("/api/v1/cluster-organisations?q=metal", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(api.Headers.RetryAfter);
            var problem = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
            Assert.Equal(503, problem["status"]!.GetValue<int>());
            Assert.Contains("try again in 5 seconds", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        }
        finally
        {
            Directory.Move(folder + "-away", folder);
        }

        // Back by itself: no restart, no broken connection kept.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/cluster-organisations?q=metal+again", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/cluster-organisations?q=metal", UriKind.Relative))).StatusCode);
    }

    [SqliteFact("it breaks the database file or folder, which a PostgreSQL installation does not have")]
    public async Task A_read_only_database_refuses_writes_with_503_and_the_reason_logged_while_reads_work_and_nothing_is_damaged()
    {
        await using var app = new UnconfiguredInstallationFactory();
        var (browser, token, _) = await app.DemoAdministratorAsync();
        var (_, etag) = await app.ReadAsync(token);
        var (before, _) = await app.PatchAsync(token, new Dictionary<string, object?> { ["acronym"] = "VMC1" }, etag);
        Assert.True(before.IsSuccessStatusCode);
        // A first network build started in the background (a profile page starts one) matches and writes: it is over before
        // the folder is made read-only, so that the reads below meet only the test's fault.
        await app.Services.GetRequiredService<ClusterAtlas.Network.NetworkIndex>().StartBuilding();
        var folder = app.Services.GetRequiredService<IOptions<ClusterAtlasOptions>>().Value.DataDirectory;
        var file = Path.Combine(folder, "clusteratlas.db");
        // The token was last used long ago: reading with it would note its use, a write that must not stop the read.
        await app.WithDbAsync(db => db.Set<ClusterAtlas.AccessTokens.AccessToken>().ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, DateTimeOffset.UtcNow.AddHours(-1))));
        // Mode bits do not stop root (./test.sh and CI run as root): the immutable attribute stops every account.
        var locked = new[] { folder, file, file + "-wal" }.Where(p => File.Exists(p) || Directory.Exists(p)).ToArray();
        await ChattrAsync("+i", locked);
        try
        {
            await app.WithDbAsync(db => Task.FromResult(SqliteClearPool(db)));

            var (read, etagNow) = await app.ReadAsync(token);
            Assert.Equal("VMC1", read["acronym"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/cluster-organisations/" + SeedPage.Slug, UriKind.Relative))).StatusCode);

            var (refused, problem) = await app.PatchAsync(token, new Dictionary<string, object?> { ["acronym"] = "VMC2" }, etagNow);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal(503, problem!["status"]!.GetValue<int>());

            // A form: the friendly page, not a 500.
            using var form = await browser.SubmitFormAsync("/account/tokens", new()
            {
                ["Input.Name"] = "While read-only", ["Input.Scope"] = "Read", ["Input.LifetimeInDays"] = "7",
            }, "form[action*='handler=Create']");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
            Assert.NotNull(form.Headers.RetryAfter);
            Assert.Contains("The platform is briefly unavailable", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            Assert.Contains(app.Logs.Entries, e => e.Message.Contains("answered 503", StringComparison.Ordinal)
                && e.Message.Contains($"the database file {file} cannot be opened for writing", StringComparison.Ordinal));
        }
        finally
        {
            await ChattrAsync("-i", locked);
        }

        // Writable again: the next write goes through (no connection stays read-only), and the file is whole.
        var (_, etagAfter) = await app.ReadAsync(token);
        var (after, _) = await app.PatchAsync(token, new Dictionary<string, object?> { ["acronym"] = "VMC3" }, etagAfter);
        Assert.True(after.IsSuccessStatusCode, $"after the fault: {(int)after.StatusCode}\n" + string.Join("\n", app.Logs.Entries.Select(e => e.Message)));
        Assert.Equal("VMC3", (await app.ReadAsync(token)).Profile["acronym"]!.GetValue<string>());
        await using var check = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
    }

    private static int SqliteClearPool(ClusterAtlasDbContext db)
    {
        SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
        return 0;
    }

    private static async Task ChattrAsync(string flag, string[] paths)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, .. paths]) { RedirectStandardError = true })!;
        var error = await chattr.StandardError.ReadToEndAsync();
        await chattr.WaitForExitAsync();
        Assert.True(chattr.ExitCode == 0, $"this test makes the database immutable with chattr and needs root on a file system that supports it: {error}");
    }
}
