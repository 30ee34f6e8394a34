using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClusterAtlas.Tests.Data;

/// <summary>
/// PostgreSQL restarts while members write: during the outage every request answers 503 with Retry-After (never a
/// 500), /health/ready fails; afterwards the platform answers again by itself, and every write it acknowledged is in
/// the database. The server is a private one of this test (scripts/private-postgres.sh), so stopping it disturbs no
/// other test.
/// </summary>
public sealed class PostgresRestartTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Writers = 4;

    [PostgresFact("it stops and restarts a database server")]
    public async Task Writes_during_a_restart_are_refused_with_503_or_kept_and_the_platform_recovers_by_itself()
    {
        var clock = Stopwatch.StartNew();
        await using var server = await PrivateServer.StartAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: private server started");
        await using var app = new PrivateServerFactory(server.ConnectionString);
        var (_, token, email) = await app.DemoAdministratorAsync();
        // Each writer edits a profile of its own (one writer per profile: no If-Match conflicts between them).
        var slugs = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var others = await db.ClusterOrganisations.Where(p => p.Slug != SeedPage.Slug && p.Status == ProfileStatus.Published)
                .OrderBy(p => p.Id).Take(Writers - 1).ToListAsync();
            db.ProfileAdministrators.AddRange(others.Select(p => new ProfileAdministrator { ClusterOrganisationId = p.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow }));
            await db.SaveChangesAsync();
            return others.Select(p => p.Slug).Prepend(SeedPage.Slug).ToList();
        });
        Assert.Equal(Writers, slugs.Count);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: platform started, {Writers} writers");

        var acknowledged = new ConcurrentBag<(string Slug, string Acronym)>();
        var unavailable = 0;
        var failures = new ConcurrentQueue<string>();
        var afterRestart = new int[Writers];
        var restarted = false;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var url = "/api/v1/cluster-organisations/" + slugs[writer];
            for (var n = 0; !stop.IsCancellationRequested && Volatile.Read(ref afterRestart[writer]) < 3; n++)
            {
                var (read, _) = await app.CallAsync(HttpMethod.Get, url, token);
                HttpResponseMessage answer = read;
                var acronym = $"W{writer}N{n}";
                if (read.IsSuccessStatusCode)
                {
                    (answer, _) = await app.PatchAsync(token, new Dictionary<string, object?> { ["acronym"] = acronym }, read.Headers.ETag, url);
                    if (answer.IsSuccessStatusCode)
                    {
                        acknowledged.Add((slugs[writer], acronym));
                        if (Volatile.Read(ref restarted))
                        {
                            Interlocked.Increment(ref afterRestart[writer]);
                        }
                        continue;
                    }
                }
                if (answer.StatusCode == HttpStatusCode.ServiceUnavailable && answer.Headers.RetryAfter is not null)
                {
                    Interlocked.Increment(ref unavailable);
                    await Task.Delay(50);
                }
                else if (answer.StatusCode != HttpStatusCode.PreconditionFailed)
                {
                    failures.Enqueue($"{answer.RequestMessage?.Method} {url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                }
            }
        })).ToArray();

        using var client = app.CreateClient();
        var warming = Stopwatch.StartNew();
        while (acknowledged.Select(w => w.Slug).Distinct().Count() < Writers && warming.Elapsed < TimeSpan.FromSeconds(30) && failures.IsEmpty)
        {
            await Task.Delay(50);
        }
        var beforeOutage = acknowledged.Count;
        await server.StopAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: server stopped after {beforeOutage} acknowledged writes");
        // The outage: writers are refused, a page says so in the reader's language, readiness fails.
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/cluster-organisations?q=outage", UriKind.Relative)))
        {
            request.Headers.AcceptLanguage.ParseAdd("de");
            using var page = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
            Assert.Contains("Die Plattform ist kurz nicht erreichbar", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        var outage = Stopwatch.StartNew();
        while (Volatile.Read(ref unavailable) < Writers && outage.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(100);
        }
        await server.ResumeAsync();
        Volatile.Write(ref restarted, true);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: server started again; {unavailable} answers were 503");

        // Back by itself.
        var ready = Stopwatch.StartNew();
        while ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(ready.Elapsed < TimeSpan.FromSeconds(30), "/health/ready did not recover within 30 s of the restart");
            await Task.Delay(100);
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: ready again");
        await Task.WhenAll(writers);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {acknowledged.Count} writes acknowledged in all, {unavailable} answers 503");

        // Each answer whole: a collection's display cuts long strings, and a CI run's failure said nothing more than that
        // an answer was unexpected.
        Assert.True(failures.IsEmpty, $"{failures.Count} unexpected answers:\n" + string.Join("\n", failures));
        Assert.True(beforeOutage >= Writers, "not every writer had a write acknowledged before the outage");
        Assert.True(unavailable >= Writers, $"only {unavailable} answers were 503 with Retry-After during the outage");
        Assert.All(afterRestart, count => Assert.True(count >= 3, "a writer had fewer than 3 writes acknowledged after the restart"));
        // Every acknowledged write is a revision in the database.
        var stored = await app.WithDbAsync(db => db.ProfileRevisions.Select(r => new { r.ClusterOrganisation.Slug, r.AfterJson }).ToListAsync());
        var missing = acknowledged.Where(w => !stored.Any(r => r.Slug == w.Slug && r.AfterJson.Contains($"\"{w.Acronym}\"", StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged writes are not in the database: " + string.Join(", ", missing));
    }

    /// <summary>The platform on the test's own server, migrated and seeded there (no template: the shared server holds those).</summary>
    private sealed class PrivateServerFactory(string connectionString) : ClusterAtlasFactory
    {
        protected override bool StartsFromTemplate => false;

        protected override int DemoSampleProfiles => Writers;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("ClusterAtlas:Api:WritesPerMinute", "100000");
            builder.UseSetting("ClusterAtlas:Api:RequestsPerMinute", "100000");
        }
    }

    /// <summary>A PostgreSQL server in a folder of its own, started, stopped and started again with scripts/private-postgres.sh.</summary>
    private sealed class PrivateServer(string folder, int port) : IAsyncDisposable
    {
        public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=3";

        public static async Task<PrivateServer> StartAsync()
        {
            var folder = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "pg-" + Guid.NewGuid().ToString("N"), "pg");
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            var output = await ScriptAsync($"start_private_postgres '{folder}' && echo \"port=$PG_PORT\"");
            var port = int.Parse(output.Split('\n').Single(l => l.StartsWith("port=", StringComparison.Ordinal))[5..], System.Globalization.CultureInfo.InvariantCulture);
            return new PrivateServer(folder, port);
        }

        /// <summary>pg_ctl stop -m fast, as a service manager's restart does: sessions are ended, committed work stays.</summary>
        public Task<string> StopAsync() => ScriptAsync($"pg_folder='{folder}'; find_postgres; stop_private_postgres");

        public Task<string> ResumeAsync() => ScriptAsync($"resume_private_postgres '{folder}' {port}");

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await StopAsync();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }

        private static async Task<string> ScriptAsync(string commands)
        {
            var script = Path.Combine(TestTools.RepositoryRoot, "scripts", "private-postgres.sh");
            using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", $"set -e; . '{script}'; {commands}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = bash.StandardOutput.ReadToEndAsync();
            var error = bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync();
            Assert.True(bash.ExitCode == 0, $"scripts/private-postgres.sh ({commands}) failed: {await error}");
            return await output;
        }
    }
}
