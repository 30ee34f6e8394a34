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
    private static readonly Lazy<int> s_processConfigured = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD) | SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    });

    /// <summary>
    /// Settings SQLite takes for the whole process, before its first connection opens: the multi-thread mode, without
    /// SQLite's lock around every call on a connection (an ADO.NET connection is used by one thread at a time), and no
    /// memory statistics (a lock around every allocation). The directory's first load at a million profiles makes tens of
    /// millions of such calls; the locks were a twentieth of its time. A process that opened SQLite before keeps its
    /// defaults (SQLite refuses the settings then; nothing else changes).
    /// </summary>
    public static void ConfigureProcess() => _ = s_processConfigured.Value;

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
