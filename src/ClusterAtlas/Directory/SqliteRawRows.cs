using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// A statement's rows read through SQLite's own interface (SQLitePCLRaw, which Microsoft.Data.Sqlite is built on), for
/// the directory's loads: at a million profiles the data reader's calls per value (each checking the statement, the
/// column count and the column's type again) cost more than twice SQLite's own reading of the rows
/// (docs/decisions/0031-a-million-profiles.md, "The first start again"; 0042). Like a command, it waits while the
/// database is busy (a checkpoint, a recovery) before the first row, up to the connection's timeout. The connection is
/// the call's alone while it runs: SQLite is in multi-thread mode (SqliteConnectionSettings.ConfigureProcess).
/// </summary>
internal static class SqliteRawRows
{
    /// <param name="parameters">The statement's named parameters (as "@name") and their values: text or whole numbers.</param>
    /// <param name="row">Called for each row with the statement, its columns to be read before it returns.</param>
    public static void Read(SqliteConnection connection, string sql, IReadOnlyDictionary<string, object>? parameters, Action<sqlite3_stmt> row,
        CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var count = 0L;
        bool MayWait(int rc)
        {
            if (rc is not (raw.SQLITE_BUSY or raw.SQLITE_LOCKED) || count > 0
                || (connection.DefaultTimeout > 0 && waited.Elapsed.TotalSeconds >= connection.DefaultTimeout))
            {
                return false;
            }
            cancellationToken.ThrowIfCancellationRequested();
            Thread.Sleep(150);
            return true;
        }
        int rc;
        sqlite3_stmt statement;
        while (MayWait(rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out statement)))
        {
            statement.Dispose();
        }
        using (statement)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
            {
                var index = raw.sqlite3_bind_parameter_index(statement, name);
                rc = value switch
                {
                    string text => raw.sqlite3_bind_text(statement, index, text),
                    int or long => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
                    _ => throw new ArgumentException($"A parameter of type {value.GetType().Name} is not bound here.", nameof(parameters)),
                };
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW || MayWait(rc))
            {
                if (rc != raw.SQLITE_ROW)
                {
                    // Nothing read yet: again after a moment, as Microsoft.Data.Sqlite's commands do (the bindings stay).
                    raw.sqlite3_reset(statement);
                    continue;
                }
                row(statement);
                if ((++count & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
        }
    }

    /// <summary>The column's value as Microsoft.Data.Sqlite's <c>GetValue</c> gives it: a long, a double, a string, bytes or DBNull.</summary>
    public static object Value(sqlite3_stmt statement, int column) => raw.sqlite3_column_type(statement, column) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, column),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, column),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, column).utf8_to_string(),
        raw.SQLITE_NULL => DBNull.Value,
        _ => raw.sqlite3_column_blob(statement, column).ToArray(),
    };
}
