using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClusterAtlas.Data;

/// <summary>
/// Turns what storage throws at start-up into one line that names the folder or file and says what to do: a
/// read-only data folder, a damaged database file, a full disk, an unreachable PostgreSQL server. Other exceptions
/// stay what they are (a bug deserves its stack trace).
/// </summary>
public static class StorageFaults
{
    public static string? Explain(Exception error, ClusterAtlasOptions options, string? connectionString)
    {
        var folder = Path.GetFullPath(options.DataDirectory);
        var file = options.SqliteFile;
        return error switch
        {
            StorageFaultException => error.Message,
            SqliteException { SqliteErrorCode: 13 } => DiskFull(folder),
            SqliteException { SqliteErrorCode: 11 or 26 } =>
                $"the database file {file} is damaged or is not a SQLite database ({Reason(error)}). Nothing was changed: restore it from a backup, or move it away to start with an empty database.",
            SqliteException { SqliteErrorCode: 8 or 14 or 23 } =>
                $"the database file {file} cannot be opened for writing ({Reason(error)}). Make it and the folder {folder} writable for the account that runs ClusterAtlas, or set ClusterAtlas:DataDirectory to another folder.",
            IOException when IsDiskFull(error) => DiskFull(folder),
            UnauthorizedAccessException or IOException =>
                $"the data folder {folder} cannot be created or written ({Reason(error)}). Make it a writable folder for the account that runs ClusterAtlas, or set ClusterAtlas:DataDirectory to another folder.",
            PostgresException { SqlState: "3D000" } => $"the PostgreSQL database {Describe(connectionString)} does not exist: create it, or correct ConnectionStrings:Default.",
            PostgresException { SqlState: "28P01" or "28000" } => $"PostgreSQL refused the credentials for {Describe(connectionString)}: correct the user or password in ConnectionStrings:Default.",
            NpgsqlException when IsPoolExhausted(error) =>
                $"every connection this instance may open to the PostgreSQL server {Describe(connectionString)} was in use ({Reason(error)}): the server is slower than the requests coming in; if it has CPU to spare, raise Maximum Pool Size in ConnectionStrings:Default.",
            NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException or IOException } or NpgsqlException { IsTransient: true } =>
                $"the PostgreSQL server {Describe(connectionString)} cannot be reached ({Reason(error)}): start it, or correct ConnectionStrings:Default.",
            _ when error.InnerException is { } inner => Explain(inner, options, connectionString),
            _ => null,
        };
    }

    /// <summary>
    /// Npgsql waited its <c>Timeout</c> for a free connection of the pool: the server is busy, not gone. It throws no
    /// type of its own for that, only its message.
    /// </summary>
    public static bool IsPoolExhausted(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { InnerException: TimeoutException } && e.Message.StartsWith("The connection pool has been exhausted", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string DiskFull(string folder) =>
        $"the disk that holds the data folder {folder} is full. Nothing was half-written: free some space, then start again.";

    private static bool IsDiskFull(Exception error) =>
        error.HResult is 28 or unchecked((int)0x80070070) || error.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);

    private static string Reason(Exception error) => (error.InnerException?.Message ?? error.Message).Split('\n')[0].TrimEnd('.');

    /// <summary>Host, port and database of a connection string: never its password.</summary>
    private static string Describe(string? connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "in ConnectionStrings:Default";
        }
    }
}
