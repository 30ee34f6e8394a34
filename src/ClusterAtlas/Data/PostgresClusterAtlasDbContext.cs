using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Data;

public sealed class PostgresClusterAtlasDbContext(DbContextOptions<PostgresClusterAtlasDbContext> options)
    : ClusterAtlasDbContext(options);
