using System.Diagnostics;
using System.Text.Json.Nodes;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>
/// An import killed between profiles (the machine lost power, an operator's kill -9) leaves whole profiles only: each
/// record is written in a transaction of its own, so what the database holds afterwards is a number of complete
/// profiles, each exported field for field as its record says, and an intact file.
/// </summary>
public sealed class ImportCrashTests
{
    private const int Records = 300;

    [SqliteFact("the import process is killed on the embedded database file")]
    public async Task An_import_killed_midway_leaves_whole_profiles_only()
    {
        // The records: the demo profile (every section filled) under 300 names.
        byte[] export;
        await using (var source = new ClusterAtlasFactory())
        {
            using var client = source.CreateClient();
            export = await client.GetByteArrayAsync(new Uri("/api/v1/cluster-organisations/export.json", UriKind.Relative));
        }
        var template = JsonNode.Parse(export)!.AsArray().Single()!.AsObject();
        template.Remove("website"); // else every record after the first would update the first, matched by its website
        var records = new JsonArray([.. Enumerable.Range(0, Records).Select(i =>
        {
            var record = template.DeepClone().AsObject();
            record["slug"] = $"killed-import-{i}";
            record["name"] = $"Killed Import Cluster {i}";
            return (JsonNode)record;
        })]);
        var folder = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "records.json");
            await File.WriteAllTextAsync(file, records.ToJsonString());
            var database = Path.Combine(folder, "clusteratlas.db");

            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ClusterAtlas.dll"), "import", "json", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["ClusterAtlas__DataDirectory"] = folder;
            start.Environment["ClusterAtlas__Database"] = "Sqlite";
            start.Environment["ClusterAtlas__LoadDemoContent"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "None";
            using var import = Process.Start(start)!;
            _ = import.StandardOutput.ReadToEndAsync();
            _ = import.StandardError.ReadToEndAsync();
            var waited = Stopwatch.StartNew();
            while (await CountAsync(database) < 5)
            {
                Assert.False(import.HasExited, "the import ended before it could be killed");
                // (12 s alone; a command's start beside both test passes has taken half a minute, and this one creates its database.)
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(3), "the import wrote no profile within three minutes");
                await Task.Delay(20);
            }
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();

            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
            }
            var written = await CountAsync(database);
            Assert.InRange(written, 5, Records - 1);

            // What is there, read back through the platform's own export: each profile as its record says.
            await using var after = new OnFolder(folder);
            using var reader = after.CreateClient();
            var exported = JsonNode.Parse(await reader.GetByteArrayAsync(new Uri("/api/v1/cluster-organisations/export.json", UriKind.Relative)))!.AsArray();
            Assert.Equal(written, exported.Count);
            var expected = Comparable(template);
            Assert.All(exported, profile => Assert.Equal(expected, Comparable(profile!.AsObject())));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A profile without what tells one record from another (and what the database assigns).</summary>
    private static string Comparable(JsonObject profile)
    {
        var copy = profile.DeepClone().AsObject();
        var slug = copy["slug"]!.GetValue<string>();
        foreach (var key in new[] { "id", "slug", "name", "updatedAt", "website" })
        {
            copy.Remove(key);
        }
        return copy.ToJsonString().Replace(slug, "{slug}", StringComparison.Ordinal); // links to the profile's own pages
    }

    private static async Task<long> CountAsync(string database)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM \"ClusterOrganisations\"";
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return 0; // not created or not migrated yet
        }
    }

    /// <summary>The platform on the import's data folder, as it starts after the crash.</summary>
    private sealed class OnFolder(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ClusterAtlas:DataDirectory", folder);
            builder.UseSetting("ClusterAtlas:Database", "Sqlite");
            builder.UseSetting("ClusterAtlas:LoadDemoContent", "false");
            builder.UseSetting("AllowedHosts", "localhost");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
