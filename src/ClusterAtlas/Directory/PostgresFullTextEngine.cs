using System.Text;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>PostgreSQL full text: an English tsvector (names weighted above the body) with a GIN index, unaccent on both sides.</summary>
public sealed class PostgresFullTextEngine : IFullTextEngine
{
    public static readonly PostgresFullTextEngine Instance = new();

    /// <remarks>
    /// The table's rows are kept narrow (documents and texts stored apart, <c>toast_tuple_target</c>): finding the ids
    /// of a word's matches visits the table's pages, and with the documents inline that was the whole table for every
    /// common word (76 MB at 100,000 profiles, 9 MB narrow). A table made before is narrowed once, on the next start.
    /// </remarks>
    public async Task EnsureCreatedAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("""
            CREATE EXTENSION IF NOT EXISTS unaccent;
            CREATE TABLE IF NOT EXISTS profile_search (
                profile_id integer PRIMARY KEY REFERENCES "ClusterOrganisations"("Id") ON DELETE CASCADE,
                document tsvector NOT NULL,
                original text NOT NULL
            ) WITH (toast_tuple_target = 128);
            CREATE INDEX IF NOT EXISTS profile_search_document ON profile_search USING GIN (document);
            """, cancellationToken);
        await using var narrow = await FullTextEngine.CommandAsync(db,
            "SELECT NOT coalesce(reloptions @> ARRAY['toast_tuple_target=128'], false) FROM pg_class WHERE oid = 'profile_search'::regclass", cancellationToken);
        if (await narrow.ExecuteScalarAsync(cancellationToken) is true)
        {
            // Rewritten whole (rows and index), outside a transaction: an update of every row left as many dead
            // rows and a long pending list in the index, which the next searches paid for.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE profile_search SET (toast_tuple_target = 128)", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("VACUUM (FULL, ANALYZE) profile_search", cancellationToken);
        }
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
        // A word in most profiles made the planner read the whole table and test every document, each read back
        // from storage (1.3 s at 100,000 profiles); the index gives the same ids in a tenth of that. The setting
        // holds for this query only: set and reset inside a transaction (the caller's, or one of its own).
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await SetAsync(db, "SET LOCAL enable_seqscan = off", cancellationToken);
        List<int> ids;
        await using (var command = await FullTextEngine.CommandAsync(db,
            "SELECT profile_id FROM profile_search WHERE document @@ to_tsquery('english', unaccent(@query))", cancellationToken))
        {
            FullTextEngine.Add(command, "query", QueryExpression(text));
            ids = await FullTextEngine.ReadIdsAsync(command, cancellationToken);
        }
        await SetAsync(db, "SET LOCAL enable_seqscan TO DEFAULT", cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
        return ids;
    }

    private static async Task SetAsync(ClusterAtlasDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db, sql, cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> MatchesAsync(ClusterAtlasDbContext db, SearchText text, int profileId, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db,
            "SELECT 1 FROM profile_search WHERE profile_id = @id AND document @@ to_tsquery('english', unaccent(@query))", cancellationToken);
        FullTextEngine.Add(command, "query", QueryExpression(text));
        FullTextEngine.Add(command, "id", profileId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
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
