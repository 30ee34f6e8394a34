using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClusterAtlas.Operations;

/// <summary>
/// Which exceptions mean "the database cannot be used just now" rather than a bug: the PostgreSQL server is stopped,
/// restarting or refusing connections; the SQLite file cannot be opened, stays locked past the timeout, is read-only,
/// or its disk is full. Such a request is answered 503 with Retry-After (<see cref="DatabaseOutagePages"/>); anything
/// else stays a 500 with its stack trace in the log.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>What the 503 answers ask clients to wait: a PostgreSQL restart or a freed disk takes seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsUnavailable(Exception? error)
    {
        for (var depth = 0; error is not null && depth < 10; depth++, error = error.InnerException)
        {
            if (error is AggregateException { InnerExceptions: [var only] })
            {
                error = only;
            }
            if (IsUnavailableItself(error))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnavailableItself(Exception error) => error switch
    {
        // Connection exceptions (08), the server shutting down or starting (57P01-57P03), out of connections, disk or memory (53).
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal),
        // Npgsql's own errors: the connection could not be opened or broke (socket, stream, timeout).
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException => true,
        // BUSY and LOCKED past the busy timeout, READONLY, IOERR, FULL, CANTOPEN; a damaged file (CORRUPT, NOTADB) is not transient.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14,
        IOException io => io.HResult is 28 or unchecked((int)0x80070070) || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
