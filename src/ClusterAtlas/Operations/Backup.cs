using System.Data.Common;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterAtlas.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Operations;

/// <summary>
/// A whole installation in one zip file: clusteratlas-backup.json (what it holds), the database (SQLite: a copy made
/// with SQLite's online backup API, consistent while the platform runs; PostgreSQL: pg_dump's custom format) and
/// every other file of the data folder under files/ (mail written to the pickup folder, whatever else lives there),
/// except the folder backups/ and the archive being written. Logos and news images are in the database.
/// Restoring refuses a database that holds profiles or accounts unless forced, and replaces it in one step
/// (SQLite: the backup API again; PostgreSQL: one transaction of psql), so a failure leaves it as it was.
/// </summary>
public sealed class Backup(ClusterAtlasDbContext db, IOptions<ClusterAtlasOptions> options)
{
    private const string ManifestEntry = "clusteratlas-backup.json";
    private const string SqliteEntry = "database/clusteratlas.db";
    private const string PostgresEntry = "database/clusteratlas.pgdump";
    private const string FilesPrefix = "files/";
    private const string BackupsFolder = "backups";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private ClusterAtlasOptions Settings => options.Value;

    private string DataFolder => Path.GetFullPath(Settings.DataDirectory);

    private bool IsPostgres => Settings.Database == DatabaseProvider.Postgres;

    private string DatabaseName => IsPostgres
        ? $"PostgreSQL database \"{new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database}\""
        : $"SQLite database {Settings.SqliteFile}";

    public async Task<string> CreateAsync(string archive, CancellationToken cancellationToken)
    {
        archive = Path.GetFullPath(archive);
        if (File.Exists(archive))
        {
            throw new BackupException($"{archive} exists already: give the backup a new name (e.g. with the date) or remove the old file.");
        }
        if (!IsPostgres && !File.Exists(Settings.SqliteFile))
        {
            throw new BackupException($"there is no database at {Settings.SqliteFile}: check ClusterAtlas:DataDirectory.");
        }
        PrivateFiles.Folder(Path.GetDirectoryName(archive)!);
        var partial = archive + ".partial";
        var databaseCopy = archive + ".database";
        try
        {
            var (profiles, accounts, lastMigration) = IsPostgres
                ? await DumpPostgresAsync(databaseCopy, cancellationToken)
                : CopySqlite(databaseCopy);
            var files = DataFolderFiles(archive).ToList();
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, Settings.Database, DateTimeOffset.UtcNow,
                ApplicationVersion, lastMigration, profiles, accounts, files.Count);
            await using (var stream = PrivateFiles.CreateNew(partial))
            await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                var manifestEntry = zip.CreateEntry(ManifestEntry);
                await using (var manifestStream = await manifestEntry.OpenAsync(cancellationToken))
                {
                    await JsonSerializer.SerializeAsync(manifestStream, manifest, Json, cancellationToken);
                }
                // pg_dump's custom format is compressed already.
                await zip.CreateEntryFromFileAsync(databaseCopy, IsPostgres ? PostgresEntry : SqliteEntry,
                    IsPostgres ? CompressionLevel.NoCompression : CompressionLevel.Optimal, cancellationToken);
                foreach (var file in files)
                {
                    await zip.CreateEntryFromFileAsync(file, FilesPrefix + Path.GetRelativePath(DataFolder, file).Replace('\\', '/'),
                        CompressionLevel.Optimal, cancellationToken);
                }
            }
            File.Move(partial, archive);
            var size = new FileInfo(archive).Length;
            return $"Backed up the {DatabaseName} ({Counted(profiles, accounts)}) and {Plural(files.Count, "file")} of the data folder {DataFolder} into {archive} ({Megabytes(size)}).";
        }
        finally
        {
            File.Delete(databaseCopy);
            File.Delete(partial);
        }
    }

    public async Task<string> RestoreAsync(string archive, bool force, CancellationToken cancellationToken)
    {
        archive = Path.GetFullPath(archive);
        if (!File.Exists(archive))
        {
            throw new BackupException($"{archive} does not exist.");
        }
        await using var zip = await OpenArchiveAsync(archive, cancellationToken);
        var manifest = await ReadManifestAsync(zip, archive, cancellationToken);
        if (manifest.Database != Settings.Database)
        {
            throw new BackupException(
                $"{archive} holds a {manifest.Database} database and this installation uses {Settings.Database} (ClusterAtlas:Database); restore it into a {manifest.Database} installation.");
        }
        if (manifest.LastMigration is { } migration && !db.Database.GetMigrations().Contains(migration))
        {
            throw new BackupException(
                $"{archive} was made by a newer version of ClusterAtlas ({manifest.ApplicationVersion}, database migration {migration}, unknown to this version {ApplicationVersion}): restore it with that version or a later one.");
        }
        var databaseEntry = zip.GetEntry(IsPostgres ? PostgresEntry : SqliteEntry)
            ?? throw new BackupException($"{archive} has no {(IsPostgres ? PostgresEntry : SqliteEntry)}: it is not a complete ClusterAtlas backup.");

        // Not under a running platform, and none starts until this is done (ServingLock).
        var folder = PrivateFiles.Folder(DataFolder).FullName;
        await using var restoring = ServingLock.TryTakeForRestore(folder) ?? throw new BackupException(
            $"ClusterAtlas is running on the data folder {folder}; nothing was changed. Stop it first (such as with systemctl stop clusteratlas), then restore.");

        var creator = db.GetService<IRelationalDatabaseCreator>();
        var existed = await creator.ExistsAsync(cancellationToken);
        var (profiles, accounts) = existed ? await CountContentAsync(cancellationToken) : (0, 0);
        if (profiles + accounts > 0 && !force)
        {
            throw new BackupException(
                $"the {DatabaseName} is not empty ({Counted(profiles, accounts)}); nothing was changed. Restore into an empty database, or add --force to replace its whole content with the backup's.");
        }
        var extracted = Path.Combine(folder, $".restore-{Environment.ProcessId}.database");
        try
        {
            await databaseEntry.ExtractToFileAsync(extracted, overwrite: true, cancellationToken);
            if (IsPostgres)
            {
                if (!existed)
                {
                    await creator.CreateAsync(cancellationToken);
                }
                await RestorePostgresAsync(extracted, cancellationToken);
            }
            else
            {
                RestoreSqlite(extracted);
            }
        }
        finally
        {
            File.Delete(extracted);
        }
        // What this folder derived from the database replaced would describe that one: made again from the restored one.
        foreach (var derived in DerivedFiles)
        {
            File.Delete(Path.Combine(folder, derived));
        }
        var written = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(FilesPrefix, StringComparison.Ordinal) && !e.FullName.EndsWith('/')))
        {
            var target = Path.GetFullPath(Path.Combine(folder, entry.FullName[FilesPrefix.Length..]));
            if (!target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new BackupException($"{archive}: the entry {entry.FullName} points outside the data folder; it was not written.");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await entry.ExtractToFileAsync(target, overwrite: true, cancellationToken);
            written++;
        }
        var replaced = profiles + accounts > 0 ? $", replacing its content ({Counted(profiles, accounts)})" : "";
        return $"Restored the {DatabaseName} from {archive}, made {manifest.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by ClusterAtlas {manifest.ApplicationVersion} ({Counted(manifest.Profiles, manifest.Accounts)}){replaced}, "
            + $"and wrote {Plural(written, "file")} into the data folder {folder}. Start ClusterAtlas to use it (it brings the database up to its version as it starts).";
    }

    private static async Task<ZipArchive> OpenArchiveAsync(string archive, CancellationToken cancellationToken)
    {
        try
        {
            return await ZipArchive.CreateAsync(File.OpenRead(archive), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException error)
        {
            throw new BackupException($"{archive} is not a zip file ({error.Message}): it is not a ClusterAtlas backup.");
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, string archive, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new BackupException($"{archive} has no {ManifestEntry}: it is not a ClusterAtlas backup.");
        await using var stream = await entry.OpenAsync(cancellationToken);
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken)
            ?? throw new BackupException($"{archive}: {ManifestEntry} is empty.");
        return manifest.Format <= BackupManifest.CurrentFormat ? manifest
            : throw new BackupException($"{archive} is in backup format {manifest.Format}, newer than this version of ClusterAtlas reads ({BackupManifest.CurrentFormat}).");
    }

    /// <summary>SQLite's online backup: a consistent copy while the platform reads and writes, written as one file (no WAL).</summary>
    private (long Profiles, long Accounts, string? LastMigration) CopySqlite(string copy)
    {
        using var source = new SqliteConnection($"Data Source={Settings.SqliteFile};Mode=ReadWrite;Default Timeout=30;Pooling=False");
        using var destination = new SqliteConnection($"Data Source={copy};Pooling=False");
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
        using (var journal = destination.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            journal.ExecuteNonQuery();
        }
        var (profiles, accounts) = CountContent(destination, isPostgres: false);
        return (profiles, accounts, LastMigration(destination));
    }

    /// <summary>Replaces the installation's database with the copy's pages in one step (readers see the old or the new).</summary>
    private void RestoreSqlite(string copy)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Settings.SqliteFile)!);
        using (var source = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False"))
        using (var destination = new SqliteConnection($"Data Source={Settings.SqliteFile};Default Timeout=30;Pooling=False"))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
            using var journal = destination.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=WAL;";
            journal.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }

    private async Task<(long Profiles, long Accounts, string? LastMigration)> DumpPostgresAsync(string copy, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var (profiles, accounts) = await CountContentAsync(cancellationToken);
        var lastMigration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        await PostgresTools.RunAsync(PostgresTools.StartInfo("pg_dump", connectionString,
            "--format=custom", "--no-owner", "--no-privileges", "--file=" + copy), cancellationToken);
        return (profiles, accounts, lastMigration);
    }

    /// <summary>
    /// pg_restore turns the dump into SQL and psql runs it after dropping the database's tables, all in one transaction:
    /// a failure (a missing permission, a full disk) leaves the database as it was.
    /// </summary>
    private async Task RestorePostgresAsync(string dump, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var restore = PostgresTools.StartInfo("pg_restore", connectionString, "--no-owner", "--no-privileges", "--file=-", dump);
        var psql = PostgresTools.StartInfo("psql", connectionString, "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", "--file=-");
        psql.RedirectStandardInput = true;
        using var restoring = Process.Start(restore) ?? throw new BackupException("pg_restore did not start.");
        using var running = Process.Start(psql) ?? throw new BackupException("psql did not start.");
        var restoreErrors = restoring.StandardError.ReadToEndAsync(cancellationToken);
        var psqlOutput = running.StandardOutput.ReadToEndAsync(cancellationToken);
        var psqlErrors = running.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await running.StandardInput.WriteAsync(
                """
                DO $$ DECLARE t record; BEGIN
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                    EXECUTE 'DROP TABLE IF EXISTS public.' || quote_ident(t.tablename) || ' CASCADE';
                  END LOOP;
                END $$;

                """.AsMemory(), cancellationToken);
            await running.StandardInput.FlushAsync(cancellationToken);
            await restoring.StandardOutput.BaseStream.CopyToAsync(running.StandardInput.BaseStream, cancellationToken);
        }
        catch (IOException)
        {
            // psql stopped reading (it failed): its own message says why.
        }
        finally
        {
            running.StandardInput.Close();
        }
        await restoring.WaitForExitAsync(cancellationToken);
        await running.WaitForExitAsync(cancellationToken);
        await psqlOutput;
        if (restoring.ExitCode != 0)
        {
            throw new BackupException($"pg_restore failed (exit code {restoring.ExitCode}); the database is as it was: {(await restoreErrors).Trim()}");
        }
        if (running.ExitCode != 0)
        {
            throw new BackupException($"psql failed (exit code {running.ExitCode}); the database is as it was: {(await psqlErrors).Trim()}");
        }
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private async Task<(long Profiles, long Accounts)> CountContentAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return CountContent(connection, IsPostgres);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Profiles and accounts: what people made. A database with neither (new, or only its vocabularies) is empty.</summary>
    private static (long Profiles, long Accounts) CountContent(DbConnection connection, bool isPostgres) =>
        (CountRows(connection, isPostgres, "ClusterOrganisations"), CountRows(connection, isPostgres, "AspNetUsers"));

    private static long CountRows(DbConnection connection, bool isPostgres, string table)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = isPostgres
            ? $"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '{table}'"
            : $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
        if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? LastMigration(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1";
        try
        {
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>
    /// Files the app derives from the database and makes again at start (with what they are written aside as): a backup
    /// carries the database they come from, not them. (The network's matched state, kept in the data folder by earlier
    /// versions and now in the database, is one of them where it is still found.)
    /// </summary>
    private static readonly string[] DerivedFiles = [ClusterDirectory.DirectorySnapshotFile.FileName, "network-matched-state.txt"];

    /// <summary>The data folder's files but the database itself, the archive being written, the folder backups/ and the derived files.</summary>
    private IEnumerable<string> DataFolderFiles(string archive)
    {
        if (!Directory.Exists(DataFolder))
        {
            yield break;
        }
        var database = Settings.SqliteFile;
        string[] skipped = [database, database + "-wal", database + "-shm", database + "-journal", archive, archive + ".partial", archive + ".database"];
        var backups = Path.Combine(DataFolder, BackupsFolder) + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(DataFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!skipped.Contains(file, StringComparer.Ordinal) && !file.StartsWith(backups, StringComparison.Ordinal)
                && !Path.GetFileName(file).StartsWith(".write-test-", StringComparison.Ordinal)
                && Path.GetFileName(file) != ServingLock.FileName
                && !DerivedFiles.Any(derived => Path.GetFileName(file).StartsWith(derived, StringComparison.Ordinal)))
            {
                yield return file;
            }
        }
    }

    private static string ApplicationVersion =>
        typeof(Backup).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
        ?? typeof(Backup).Assembly.GetName().Version?.ToString() ?? "unknown";

    private static string Counted(long profiles, long accounts) => $"{Plural(profiles, "profile")}, {Plural(accounts, "account")}";

    private static string Plural(long count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count:N0} {noun}s");

    private static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.0} MB");
}
