using System.Text;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ClusterDirectory;

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
        // The shadow table of document sizes has one small row per document: counting the table itself read every
        // document's text (8 s at a million profiles, at every start).
        await using var command = await FullTextEngine.CommandAsync(db, "SELECT count(*) FROM profile_search_docsize", cancellationToken);
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

    public async Task<bool> MatchesAsync(ClusterAtlasDbContext db, SearchText text, int profileId, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db, "SELECT 1 FROM profile_search WHERE profile_search MATCH $query AND rowid = $id", cancellationToken);
        FullTextEngine.Add(command, "$query", MatchExpression(text));
        FullTextEngine.Add(command, "$id", profileId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
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
            // FTS5 keeps the texts in its content table (column c2 is "original"): read by its key there, as a
            // rowid list through the virtual table cost five times as much.
            $"SELECT id, c2 FROM profile_search_content WHERE id IN ({string.Join(',', profileIds)})", cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return result;
    }
}
