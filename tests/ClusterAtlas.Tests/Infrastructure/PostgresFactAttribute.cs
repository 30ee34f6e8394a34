namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>A test that only means something on PostgreSQL (its server): skipped, saying why, on the SQLite pass.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string why)
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = $"PostgreSQL only: {why}; runs with CLUSTERATLAS_TEST_DATABASE=postgres (the PostgreSQL pass of ./test.sh).";
        }
    }
}
