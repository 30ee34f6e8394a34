using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClusterAtlas.Data;

/// <summary>Lets `dotnet ef` create each provider's context without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClusterAtlasDbContext>
{
    public SqliteClusterAtlasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClusterAtlasDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
