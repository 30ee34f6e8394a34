using System.Data.Common;
using System.Text;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The full-text half of search, one implementation per database: it keeps a text index of published profiles
/// in the same database (written in the same transaction as the profile) and answers which profiles match.
/// Facets, sorting and paging happen in memory (see <see cref="DirectoryIndex"/>).
/// </summary>
public interface IFullTextEngine
{
    Task EnsureCreatedAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken);
    Task<int> CountAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken);
    Task UpsertAsync(ClusterAtlasDbContext db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);
    Task RemoveAsync(ClusterAtlasDbContext db, IReadOnlyList<int> profileIds, CancellationToken cancellationToken);
    Task<List<int>> MatchAsync(ClusterAtlasDbContext db, SearchText text, CancellationToken cancellationToken);
    Task<Dictionary<int, string>> OriginalTextAsync(ClusterAtlasDbContext db, IReadOnlyList<int> profileIds, CancellationToken cancellationToken);
}

public static class FullTextEngine
{
    public static IFullTextEngine For(ClusterAtlasDbContext db) =>
        db.Database.IsNpgsql() ? PostgresFullTextEngine.Instance : SqliteFullTextEngine.Instance;

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

/// <summary>SQLite FTS5 with the Porter stemmer; text arrives folded, so accents and case never decide a match.</summary>
public sealed class SqliteFullTextEngine : IFullTextEngine
{
    public static readonly SqliteFullTextEngine Instance = new();

    public async Task EnsureCreatedAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            "CREATE VIRTUAL TABLE IF NOT EXISTS profile_search USING fts5(names, body, original UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2');",
            cancellationToken);

    public async Task<int> CountAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db, "SELECT count(*) FROM profile_search", cancellationToken);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task UpsertAsync(ClusterAtlasDbContext db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        await RemoveAsync(db, [.. documents.Select(d => d.ProfileId)], cancellationToken);
        await using var command = await FullTextEngine.CommandAsync(db,
            "INSERT INTO profile_search(rowid, names, body, original) VALUES ($id, $names, $body, $original)", cancellationToken);
        var id = command.CreateParameter(); id.ParameterName = "$id"; command.Parameters.Add(id);
        var names = command.CreateParameter(); names.ParameterName = "$names"; command.Parameters.Add(names);
        var body = command.CreateParameter(); body.ParameterName = "$body"; command.Parameters.Add(body);
        var original = command.CreateParameter(); original.ParameterName = "$original"; command.Parameters.Add(original);
        foreach (var document in documents)
        {
            id.Value = document.ProfileId;
            names.Value = document.Names;
            body.Value = document.Body;
            original.Value = document.OriginalText;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task RemoveAsync(ClusterAtlasDbContext db, IReadOnlyList<int> profileIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in profileIds.Chunk(500))
        {
            await using var command = await FullTextEngine.CommandAsync(db,
                $"DELETE FROM profile_search WHERE rowid IN ({string.Join(',', chunk)})", cancellationToken);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<List<int>> MatchAsync(ClusterAtlasDbContext db, SearchText text, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db, "SELECT rowid FROM profile_search WHERE profile_search MATCH $query", cancellationToken);
        FullTextEngine.Add(command, "$query", MatchExpression(text));
        return await FullTextEngine.ReadIdsAsync(command, cancellationToken);
    }

    /// <summary>Every token must match (AND); tokens are quoted so nothing typed is read as FTS5 syntax.</summary>
    internal static string MatchExpression(SearchText text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Tokens.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(" AND ");
            }
            var quoted = '"' + text.Tokens[i] + '"';
            builder.Append(i == text.Tokens.Count - 1 && text.LastIsPrefix ? $"({quoted} OR {quoted}*)" : quoted);
        }
        return builder.ToString();
    }

    public async Task<Dictionary<int, string>> OriginalTextAsync(ClusterAtlasDbContext db, IReadOnlyList<int> profileIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, string>();
        if (profileIds.Count == 0)
        {
            return result;
        }
        await using var command = await FullTextEngine.CommandAsync(db,
            $"SELECT rowid, original FROM profile_search WHERE rowid IN ({string.Join(',', profileIds)})", cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return result;
    }
}

/// <summary>PostgreSQL full text: an English tsvector (names weighted above the body) with a GIN index, unaccent on both sides.</summary>
public sealed class PostgresFullTextEngine : IFullTextEngine
{
    public static readonly PostgresFullTextEngine Instance = new();

    public async Task EnsureCreatedAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("""
            CREATE EXTENSION IF NOT EXISTS unaccent;
            CREATE TABLE IF NOT EXISTS profile_search (
                profile_id integer PRIMARY KEY REFERENCES "ClusterOrganisations"("Id") ON DELETE CASCADE,
                document tsvector NOT NULL,
                original text NOT NULL
            );
            CREATE INDEX IF NOT EXISTS profile_search_document ON profile_search USING GIN (document);
            """, cancellationToken);
    }

    public async Task<int> CountAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db, "SELECT count(*) FROM profile_search", cancellationToken);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task UpsertAsync(ClusterAtlasDbContext db, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var chunk in documents.Chunk(200))
        {
            var sql = new StringBuilder("INSERT INTO profile_search(profile_id, document, original) VALUES ");
            await using var command = await FullTextEngine.CommandAsync(db, "", cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0)
                {
                    sql.Append(',');
                }
                sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"(@id{i}, setweight(to_tsvector('english', unaccent(@names{i})), 'A') || setweight(to_tsvector('english', unaccent(@body{i})), 'B'), @original{i})");
                FullTextEngine.Add(command, $"id{i}", chunk[i].ProfileId);
                FullTextEngine.Add(command, $"names{i}", chunk[i].Names);
                FullTextEngine.Add(command, $"body{i}", chunk[i].Body);
                FullTextEngine.Add(command, $"original{i}", chunk[i].OriginalText);
            }
            sql.Append(" ON CONFLICT (profile_id) DO UPDATE SET document = excluded.document, original = excluded.original");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task RemoveAsync(ClusterAtlasDbContext db, IReadOnlyList<int> profileIds, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db, "DELETE FROM profile_search WHERE profile_id = ANY(@ids)", cancellationToken);
        FullTextEngine.Add(command, "ids", profileIds.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<List<int>> MatchAsync(ClusterAtlasDbContext db, SearchText text, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db,
            "SELECT profile_id FROM profile_search WHERE document @@ to_tsquery('english', unaccent(@query))", cancellationToken);
        FullTextEngine.Add(command, "query", QueryExpression(text));
        return await FullTextEngine.ReadIdsAsync(command, cancellationToken);
    }

    /// <summary>Tokens hold only letters and digits, so none can be read as tsquery syntax.</summary>
    internal static string QueryExpression(SearchText text) =>
        string.Join(" & ", text.Tokens.Select((token, i) => i == text.Tokens.Count - 1 && text.LastIsPrefix ? $"({token} | {token}:*)" : token));

    public async Task<Dictionary<int, string>> OriginalTextAsync(ClusterAtlasDbContext db, IReadOnlyList<int> profileIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, string>();
        if (profileIds.Count == 0)
        {
            return result;
        }
        await using var command = await FullTextEngine.CommandAsync(db, "SELECT profile_id, original FROM profile_search WHERE profile_id = ANY(@ids)", cancellationToken);
        FullTextEngine.Add(command, "ids", profileIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetInt32(0)] = reader.GetString(1);
        }
        return result;
    }
}
