namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>A test that only means something on SQLite (its file, its folder): skipped, saying so, on the PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: it breaks the database file or folder, which a PostgreSQL installation does not have";
        }
    }
}

/// <summary>A test that only means something on PostgreSQL (its server): skipped, saying so, on the SQLite pass.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = "PostgreSQL only: it restarts a database server; run with CLUSTERATLAS_TEST_DATABASE=postgres (./test.sh does)";
        }
    }
}
