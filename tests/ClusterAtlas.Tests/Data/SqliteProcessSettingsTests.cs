using ClusterAtlas.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ClusterAtlas.Tests.Data;

/// <summary>The process-wide SQLite settings are taken (the platform's start and the suite set them before any connection opens).</summary>
public sealed class SqliteProcessSettingsTests
{
    [Fact]
    public void SQLite_keeps_no_memory_statistics_in_this_process()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x TEXT); INSERT INTO t VALUES (randomblob(100000)); SELECT count(*) FROM t;";
        Assert.Equal(1L, command.ExecuteScalar());

        Assert.Null(SqliteConnectionSettings.ProcessSettingsRefused);
        // With statistics kept (SQLite's default) this counts every allocation, under a lock taken for each.
        Assert.Equal(0, raw.sqlite3_memory_used());
    }
}
