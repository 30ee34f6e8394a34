using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClusterAtlas.Data;

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClusterAtlasDbContext>
{
    public PostgresClusterAtlasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClusterAtlasDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
