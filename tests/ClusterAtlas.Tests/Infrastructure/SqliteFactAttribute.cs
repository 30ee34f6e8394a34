namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>A test that only means something on SQLite (its file, its folder): skipped, saying why, on the PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string why)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = $"SQLite only: {why}.";
        }
    }
}
