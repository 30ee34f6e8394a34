using System.Data.Common;

namespace ClusterAtlas.Data;

/// <summary>
/// The operator's PostgreSQL connection string, with at most <see cref="DefaultMaxPoolSize"/> connections per instance
/// unless it sets its own pool size (Npgsql's default is 100).
/// </summary>
/// <remarks>
/// PostgreSQL runs a process per connection, and the more of them are busy at once the more each query costs it: with
/// 64 requests in flight and a pool of 100, the directory's varied searches at 100,000 profiles cost the server twice
/// as much CPU as with 16 (decision record 0033). Requests beyond the pool wait for a connection (Npgsql's
/// <c>Timeout</c>, 15 seconds), as they would wait for the server's CPU anyway. Several instances also stay within the
/// server's <c>max_connections</c> (100 by default).
/// </remarks>
public static class PostgresConnectionString
{
    public const int DefaultMaxPoolSize = 16;

    public static string WithDefaults(string connectionString)
    {
        try
        {
            var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
            var setsPoolSize = given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() is "MAXIMUMPOOLSIZE" or "MAXPOOLSIZE");
            return setsPoolSize ? connectionString : $"{connectionString.TrimEnd().TrimEnd(';')};Maximum Pool Size={DefaultMaxPoolSize}";
        }
        catch (ArgumentException)
        {
            // Malformed: left for Npgsql to report where the connection is opened, as before.
            return connectionString;
        }
    }
}
