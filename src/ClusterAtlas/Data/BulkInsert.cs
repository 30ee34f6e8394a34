using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Data;

/// <summary>
/// Inserts many new rows of one entity type with one prepared command, using EF's own model for table, columns and
/// value conversions (so the rows are exactly what EF would write), without its change tracking. For bulk loads
/// only: EF's batched INSERT … RETURNING got slower with every batch on SQLite (see the sample-data generator).
/// Keys are given by the caller; shadow properties (foreign keys) come from <paramref name="shadowValues"/>.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(
        ClusterAtlasDbContext db, IEnumerable<T> rows, Func<T, string, object?>? shadowValues, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var sql = ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)db).Instance.GetRequiredService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var names = properties.Select((_, i) => $"@p{i}").ToList();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({string.Join(", ", names)})";
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert;

        void Bind(DbParameterCollection parameters, T row)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var property = properties[i];
                var value = property.IsShadowProperty()
                    ? shadowValues?.Invoke(row, property.Name)
                    : property.PropertyInfo?.GetValue(row) ?? property.FieldInfo?.GetValue(row);
                // The type mapping converts (enums to text, dates for SQLite, lists to JSON or arrays) as EF would.
                parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, names[i], value, property.IsNullable));
            }
        }

        if (!connection.CanCreateBatch)
        {
            // SQLite: in-process, one statement at a time costs nothing extra.
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                Bind(command.Parameters, row);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return;
        }
        // A server: many statements per round trip.
        const int StatementsPerRoundTrip = 500;
        foreach (var chunk in rows.Chunk(StatementsPerRoundTrip))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in chunk)
            {
                var statement = batch.CreateBatchCommand();
                statement.CommandText = insert;
                Bind(statement.Parameters, row);
                batch.BatchCommands.Add(statement);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The next free integer key of a table.</summary>
    public static async Task<int> NextIdAsync<T>(ClusterAtlasDbContext db, CancellationToken cancellationToken) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var sql = ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)db).Instance.GetRequiredService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COALESCE(MAX({sql.DelimitIdentifier("Id")}), 0) FROM {sql.DelimitIdentifier(entityType.GetTableName()!)}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) + 1;
    }

    /// <summary>PostgreSQL identity columns do not see explicit keys: move their sequences past them.</summary>
    public static async Task ResetIdentityAsync<T>(ClusterAtlasDbContext db, CancellationToken cancellationToken) where T : class
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite moves its AUTOINCREMENT counter past explicit keys by itself
        }
        // The table name comes from the model, not from input.
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"), 1))";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
