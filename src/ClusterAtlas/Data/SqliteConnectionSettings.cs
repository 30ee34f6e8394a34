using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClusterAtlas.Data;

/// <summary>
/// Settings SQLite takes per connection. In WAL mode, synchronous=NORMAL cannot corrupt the database; at worst the
/// last transactions before a power cut are lost, and every commit is several times faster.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private static readonly Lazy<string?> s_processSettingsRefused = new(() =>
    {
        try
        {
            SQLitePCL.Batteries_V2.Init();
            var (mode, statistics) = (SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD),
                SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0));
            return mode == SQLitePCL.raw.SQLITE_OK && statistics == SQLitePCL.raw.SQLITE_OK
                ? null
                : $"SQLite refused its settings for the process (codes {mode} and {statistics}): it was used before them";
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            // On PostgreSQL SQLite is not needed; where it is, its first connection says the same.
            return "SQLite's native library could not be loaded: " + error.Message;
        }
    });

    /// <summary>
    /// Settings SQLite takes for the whole process, before its first connection opens: the multi-thread mode, without
    /// SQLite's lock around every call on a connection, and no memory statistics (a lock around every allocation). At a
    /// million profiles the directory's first load makes tens of millions of such calls, and the locks were 7 % of its
    /// time. An ADO.NET connection is used by one thread at a time (Microsoft.Data.Sqlite's and ours, raw calls on a
    /// connection's handle included): using one from two threads at once is now undefined, not merely serialized.
    /// </summary>
    public static void ConfigureProcess() => _ = s_processSettingsRefused.Value;

    /// <summary>Why SQLite did not take the process's settings (a start on SQLite logs it), or null when it did.</summary>
    public static string? ProcessSettingsRefused => s_processSettingsRefused.Value;

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";

    // EF opens a pooled connection for every query; the settings stay on the native handle, so set them once per handle.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);

    /// <summary>
    /// SQLite opens a file it may not write (a read-only folder or file) read-only without a word. Such a connection
    /// is not given back to the pool: once the file is writable again, the next connection opened can write.
    /// </summary>
    private static void NotPooledWhenReadOnly(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite && SQLitePCL.raw.sqlite3_db_readonly(handle, "main") == 1)
        {
            SqliteConnection.ClearPool(sqlite);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        NotPooledWhenReadOnly(connection);
        if (!IsNew(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotPooledWhenReadOnly(connection);
        if (!IsNew(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
