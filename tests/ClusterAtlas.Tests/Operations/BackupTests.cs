using ClusterAtlas.Tests.ImportExport;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Operations;

/// <summary>
/// `backup FILE` and `restore FILE` as an operator runs them (the executable in a process of its own), on SQLite and,
/// under ./test.sh, on PostgreSQL through pg_dump and pg_restore: a backup made while the platform runs, restored into
/// a new installation, gives the same exports byte for byte and brings back the data folder's files.
/// </summary>
public sealed class BackupTests
{
    private const string MailFile = "mail/kept-by-the-backup.eml";

    [Fact]
    public async Task A_backup_made_while_the_platform_runs_restores_into_a_new_installation_with_byte_identical_exports()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var archive = Path.Combine(folder, "clusteratlas-backup.zip");
        try
        {
            await using var source = new BackupSourceFactory();
            var (_, csv) = await ExportTests.GetAsync(source, "/api/v1/cluster-organisations/export.csv");
            var (_, json) = await ExportTests.GetAsync(source, "/api/v1/cluster-organisations/export.json");
            var profiles = await source.WithDbAsync(db => db.ClusterOrganisations.CountAsync());
            Directory.CreateDirectory(Path.Combine(source.DataDirectory, "mail"));
            await File.WriteAllTextAsync(Path.Combine(source.DataDirectory, MailFile), "Subject: kept\r\n\r\nA file of the data folder.\r\n");

            var backup = await CommandLineRun.RunAsync(["backup", archive], source.CommandLineEnvironment);

            Assert.True(backup.ExitCode == 0, backup.Output + backup.Errors);
            Assert.StartsWith("Backed up the ", backup.Output, StringComparison.Ordinal);
            Assert.Contains($"({profiles} profiles, 0 accounts)", backup.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(archive));
            if (!OperatingSystem.IsWindows())
            {
                // The backup holds the whole database, with its accounts: its owner's only, and so is the folder made for it.
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }
            var again = await CommandLineRun.RunAsync(["backup", archive], source.CommandLineEnvironment);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("exists already", again.Errors, StringComparison.Ordinal);

            await using var restored = new RestoredInstallationFactory();
            var restore = await CommandLineRun.RunAsync(["restore", archive], restored.CommandLineEnvironment);

            Assert.True(restore.ExitCode == 0, restore.Output + restore.Errors);
            Assert.StartsWith("Restored the ", restore.Output, StringComparison.Ordinal);
            Assert.Contains("wrote 1 file into the data folder", restore.Output, StringComparison.Ordinal);
            Assert.Equal("Subject: kept\r\n\r\nA file of the data folder.\r\n", await File.ReadAllTextAsync(Path.Combine(restored.DataDirectory, MailFile)));
            var (_, restoredCsv) = await ExportTests.GetAsync(restored, "/api/v1/cluster-organisations/export.csv");
            var (_, restoredJson) = await ExportTests.GetAsync(restored, "/api/v1/cluster-organisations/export.json");
            Assert.Equal(csv, restoredCsv);
            Assert.Equal(json, restoredJson);
            Assert.True(csv.Length > 1000 && json.Length > 1000);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Restore_refuses_a_database_with_profiles_unless_forced_and_then_says_what_it_replaced()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var archive = Path.Combine(folder, "empty.zip");
        try
        {
            await using var empty = new EmptyDatabaseFactory();
            _ = empty.Services;
            Assert.Equal(0, (await CommandLineRun.RunAsync(["backup", archive], empty.CommandLineEnvironment)).ExitCode);
            var target = new ClusterAtlasFactory { KeepDataOnDispose = true };
            _ = target.Services;
            var profiles = await target.WithDbAsync(db => db.ClusterOrganisations.CountAsync());
            Assert.True(profiles > 0);

            // Not under the running platform, even forced: it would replace the database under the running process.
            var running = await CommandLineRun.RunAsync(["restore", archive, "--force"], target.CommandLineEnvironment);
            Assert.Equal(1, running.ExitCode);
            Assert.Contains("ClusterAtlas is running on the data folder", running.Errors, StringComparison.Ordinal);
            Assert.Contains("nothing was changed", running.Errors, StringComparison.Ordinal);
            Assert.Equal(profiles, await target.WithDbAsync(db => db.ClusterOrganisations.CountAsync()));
            await target.DisposeAsync();

            var refused = await CommandLineRun.RunAsync(["restore", archive], target.CommandLineEnvironment);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"is not empty ({(profiles == 1 ? "1 profile" : $"{profiles} profiles")}, ", refused.Errors, StringComparison.Ordinal);
            Assert.Contains("nothing was changed", refused.Errors, StringComparison.Ordinal);
            Assert.Contains("--force", refused.Errors, StringComparison.Ordinal);

            // Files derived from the database replaced (the directory's, and the network's of earlier versions) would describe that one.
            string[] derived = [global::ClusterAtlas.ClusterDirectory.DirectorySnapshotFile.FileName, "network-matched-state.txt"];
            foreach (var file in derived)
            {
                await File.WriteAllTextAsync(Path.Combine(target.DataDirectory, file), "of the database replaced");
            }

            var forced = await CommandLineRun.RunAsync(["restore", archive, "--force"], target.CommandLineEnvironment);

            Assert.True(forced.ExitCode == 0, forced.Output + forced.Errors);
            Assert.Contains("replacing its content", forced.Output, StringComparison.Ordinal);
            Assert.All(derived, file => Assert.False(File.Exists(Path.Combine(target.DataDirectory, file)), file));
            await using var restarted = new RestartedFactory(target);
            Assert.Equal(0, await restarted.WithDbAsync(db => db.ClusterOrganisations.CountAsync()));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Restore_names_what_is_wrong_with_a_file_that_is_not_a_backup()
    {
        var file = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "not-a-backup-" + Guid.NewGuid().ToString("N") + ".zip");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "name,website\n");
        try
        {
            await using var target = new RestoredInstallationFactory();
            var run = await CommandLineRun.RunAsync(["restore", file], target.CommandLineEnvironment);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("is not a zip file", run.Errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The demo profile and a few sample profiles: enough for exports that name vocabularies, teams and places.</summary>
    private sealed class BackupSourceFactory : ClusterAtlasFactory
    {
        protected override int DemoSampleProfiles => 5;
    }

    /// <summary>The installation of an earlier host started again (its data folder and database kept), as restored: not seeded.</summary>
    private sealed class RestartedFactory(ClusterAtlasFactory previous) : ClusterAtlasFactory(previous)
    {
        protected override bool LoadDemoContent => false;
    }

    /// <summary>A new installation whose database the restore makes: nothing is migrated or seeded before its first start.</summary>
    private sealed class RestoredInstallationFactory : ClusterAtlasFactory
    {
        protected override bool LoadDemoContent => false;

        protected override bool StartsFromTemplate => false;
    }
}
