namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>A test that needs PostgreSQL (several instances on one database): skipped, saying why, in the SQLite pass.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = "Several instances share one PostgreSQL database; SQLite is one instance by design. "
                + "Runs with CLUSTERATLAS_TEST_DATABASE=postgres (the PostgreSQL pass of ./test.sh).";
        }
    }
}
