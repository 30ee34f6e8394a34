using System.Diagnostics;

namespace ClusterAtlas.Tests.Data;

/// <summary>
/// Start-up faults of storage, met by the real executable: each is one line on standard error that names the folder
/// or file and says what to do, exit code 1, no stack trace, and nothing changed.
/// </summary>
[Trait("Database", "none")] // a data folder and server settings of their own: the PostgreSQL pass of ./test.sh would only repeat them
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "clusteratlas-faults", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static async Task<(int ExitCode, string[] Errors)> StartAsync(Dictionary<string, string> settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClusterAtlas.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["Logging__LogLevel__Default"] = "None";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_is_named_in_one_line()
    {
        var notAFolder = Path.Combine(_scratch, "data");
        await File.WriteAllTextAsync(notAFolder, "a file where the data folder should be");

        var (exitCode, errors) = await StartAsync(new() { ["ClusterAtlas__DataDirectory"] = notAFolder }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("ClusterAtlas cannot start: the data folder " + notAFolder, line, StringComparison.Ordinal);
        Assert.Contains("ClusterAtlas:DataDirectory", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_database_file_is_named_and_left_as_it_was()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, "data")).FullName;
        var file = Path.Combine(folder, "clusteratlas.db");
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(file, garbage);

        var (exitCode, errors) = await StartAsync(new() { ["ClusterAtlas__DataDirectory"] = folder }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors);
        Assert.Contains($"the database file {file} is damaged", line, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(file));

        // The commands say the same.
        var (commandExit, commandErrors) = await StartAsync(new() { ["ClusterAtlas__DataDirectory"] = folder }, "demo-data", "--remove");
        Assert.Equal(1, commandExit);
        Assert.Contains($"the database file {file} is damaged", Assert.Single(commandErrors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_server_is_named_without_its_password()
    {
        var (exitCode, errors) = await StartAsync(new()
        {
            ["ClusterAtlas__DataDirectory"] = Path.Combine(_scratch, "data"),
            ["ClusterAtlas__Database"] = "Postgres",
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Port=1;Username=atlas;Password=s3cret-value;Database=atlas;Timeout=3",
        }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors);
        Assert.Contains("the PostgreSQL server 127.0.0.1:1/atlas cannot be reached", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_disk_is_named_in_one_line_and_leaves_no_damaged_database()
    {
        // A real full file system: a tmpfs of 256 KB, too small for the schema and the demo content. Mounting needs root,
        // which ./test.sh and CI have.
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, "small-disk")).FullName;
        var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", folder]) { RedirectStandardError = true })!;
        await mount.WaitForExitAsync();
        Assert.True(mount.ExitCode == 0, "this test mounts a small tmpfs and needs root: " + await mount.StandardError.ReadToEndAsync());
        try
        {
            var (exitCode, errors) = await StartAsync(new() { ["ClusterAtlas__DataDirectory"] = folder }, "--urls", "http://127.0.0.1:0");

            Assert.Equal(1, exitCode);
            var line = Assert.Single(errors);
            Assert.StartsWith($"ClusterAtlas cannot start: the disk that holds the data folder {folder} is full", line, StringComparison.Ordinal);

            // What is on the disk is a database SQLite reads without complaint: the failed write was rolled back.
            var file = Path.Combine(folder, "clusteratlas.db");
            if (File.Exists(file))
            {
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly");
                await connection.OpenAsync();
                await using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // pooled connections keep the file, and so the mount, busy
            using var unmount = Process.Start("umount", [folder]);
            await unmount.WaitForExitAsync();
        }
    }
}
