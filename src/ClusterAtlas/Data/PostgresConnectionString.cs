using System.Data.Common;
using Npgsql;

namespace ClusterAtlas.Data;

/// <summary>
/// The operator's PostgreSQL connection string, with at most <see cref="DefaultMaxPoolSize"/> connections per instance
/// unless it sets its own pool size (Npgsql's default is 100).
/// </summary>
/// <remarks>
/// PostgreSQL runs a process per connection, and the more of them are busy at once the more each query costs it: with
/// 64 requests in flight and a pool of 100, the directory's varied searches at 100,000 profiles cost the server twice
/// as much CPU as with 16 (decision record 0033). Requests beyond the pool wait for a connection (Npgsql's
/// <c>Timeout</c>, 15 seconds), as they would wait for the server's CPU anyway; past that they answer 503. Several
/// instances also stay within the server's <c>max_connections</c> (100 by default).
/// </remarks>
public static class PostgresConnectionString
{
    public const int DefaultMaxPoolSize = 16;

    public static string WithDefaults(string connectionString)
    {
        try
        {
            if (SetsPoolSize(new DbConnectionStringBuilder { ConnectionString = connectionString }))
            {
                return connectionString;
            }
            // A minimum pool above the default raises the maximum with it: Npgsql refuses a maximum under the minimum.
            var size = Math.Max(DefaultMaxPoolSize, new NpgsqlConnectionStringBuilder(connectionString).MinPoolSize);
            return $"{connectionString.TrimEnd().TrimEnd(';')};Maximum Pool Size={size}";
        }
        catch (ArgumentException)
        {
            // Malformed, or a keyword Npgsql does not know: left for Npgsql to report where the connection is opened, as before.
            return connectionString;
        }
    }

    /// <summary>Npgsql's spellings of the pool's maximum: "Maximum Pool Size" and "MaxPoolSize", in any case.</summary>
    private static bool SetsPoolSize(DbConnectionStringBuilder given) =>
        given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() is "MAXIMUMPOOLSIZE" or "MAXPOOLSIZE");
}
