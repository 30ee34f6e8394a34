using System.Data.Common;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.ClusterDirectory;

public static class FullTextEngine
{
    // By the context's type (each database has its own): IsNpgsql() asks the provider for its assembly's name, by
    // reflection, on every search.
    public static IFullTextEngine For(ClusterAtlasDbContext db) =>
        db is PostgresClusterAtlasDbContext ? PostgresFullTextEngine.Instance : SqliteFullTextEngine.Instance;

    internal static async Task<DbCommand> CommandAsync(ClusterAtlasDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    internal static async Task<List<int>> ReadIdsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return ids;
    }
}
