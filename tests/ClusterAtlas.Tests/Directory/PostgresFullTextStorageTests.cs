using System.Net.Http.Json;
using System.Text.Json;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// PostgreSQL keeps the full-text table's rows narrow (<c>toast_tuple_target = 128</c>, so that finding a word's matches
/// reads few pages): a new table is made so, and one made before without the option is rewritten once on the next start,
/// keeping every document.
/// </summary>
public sealed class PostgresFullTextStorageTests
{
    private const string Narrow = "toast_tuple_target=128";

    [PostgresFact("it reads PostgreSQL's storage options of the full-text table")]
    public async Task A_started_platform_s_full_text_table_keeps_its_rows_narrow()
    {
        await using var app = new SampleProfilesFactory();
        _ = app.Services;

        var options = await ScalarAsync<string[]>(app, "SELECT reloptions FROM pg_class WHERE oid = 'profile_search'::regclass");

        Assert.Contains(Narrow, options);
        Assert.True(await ScalarAsync<long>(app, "SELECT count(*) FROM profile_search") > SampleProfilesFactory.Samples);
    }

    [PostgresFact("it rebuilds a PostgreSQL table as an older version made it")]
    public async Task A_table_made_before_without_narrow_rows_is_rewritten_on_the_next_start_with_every_document()
    {
        var first = new SampleProfilesFactory { KeepDataOnDispose = true };
        string rowsBefore;
        uint fileBefore;
        try
        {
            _ = first.Services;
            // The table as versions before the option made it: same columns, rows and index, no storage option.
            await first.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
                CREATE TEMPORARY TABLE kept AS SELECT * FROM profile_search;
                DROP TABLE profile_search;
                CREATE TABLE profile_search (
                    profile_id integer PRIMARY KEY REFERENCES "ClusterOrganisations"("Id") ON DELETE CASCADE,
                    document tsvector NOT NULL,
                    original text NOT NULL
                );
                INSERT INTO profile_search SELECT * FROM kept;
                CREATE INDEX profile_search_document ON profile_search USING GIN (document);
                DROP TABLE kept;
                """));
            Assert.Null(await ScalarAsync<string[]?>(first, "SELECT reloptions FROM pg_class WHERE oid = 'profile_search'::regclass"));
            rowsBefore = await ScalarAsync<string>(first, RowsFingerprint);
            fileBefore = await ScalarAsync<uint>(first, FileOfTable);
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var second = new SampleProfilesFactory(first);
        _ = second.Services;

        Assert.Contains(Narrow, await ScalarAsync<string[]>(second, "SELECT reloptions FROM pg_class WHERE oid = 'profile_search'::regclass"));
        // Rewritten (a new file), not rebuilt: the same rows with the same documents, one per published profile.
        Assert.NotEqual(fileBefore, await ScalarAsync<uint>(second, FileOfTable));
        Assert.Equal(rowsBefore, await ScalarAsync<string>(second, RowsFingerprint));
        var published = await second.WithDbAsync(db => db.ClusterOrganisations.CountAsync(p => p.Status == ProfileStatus.Published));
        Assert.Equal(published, await ScalarAsync<long>(second, "SELECT count(*) FROM profile_search"));
        Assert.True(published > SampleProfilesFactory.Samples);
        // ... and searches find what they found: the demo profile by words of its name.
        using var client = second.CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/cluster-organisations?q=vojvodina+metal&pageSize=100", UriKind.Relative));
        Assert.Contains(SeedPage.Slug, result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
    }

    /// <summary>Every row's id with a digest of its document and text, in id order.</summary>
    private const string RowsFingerprint =
        "SELECT string_agg(profile_id || ':' || md5(document::text || original), ',' ORDER BY profile_id) FROM profile_search";

    /// <summary>The table's file on disk: a rewrite (VACUUM FULL) gives it a new one.</summary>
    private const string FileOfTable = "SELECT relfilenode FROM pg_class WHERE oid = 'profile_search'::regclass";

    private static Task<T> ScalarAsync<T>(ClusterAtlasFactory app, string sql) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    });

    /// <summary>The demo profile and sample profiles; a second host on the first one's database is that installation restarted.</summary>
    private sealed class SampleProfilesFactory : ClusterAtlasFactory
    {
        public const int Samples = 30;

        public SampleProfilesFactory()
            : base(null)
        {
        }

        public SampleProfilesFactory(SampleProfilesFactory previous)
            : base(previous)
        {
        }

        protected override int DemoSampleProfiles => Samples;
    }
}
