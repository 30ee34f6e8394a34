using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClusterAtlas.Data;

/// <summary>
/// The one DbContext. Each database provider has a derived type (below) so that each keeps its own
/// migrations, as in EF Core's "Migrations with multiple providers".
/// </summary>
public class ClusterAtlasDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ClusterOrganisation> ClusterOrganisations => Set<ClusterOrganisation>();
    public DbSet<VocabularyTerm> VocabularyTerms => Set<VocabularyTerm>();
    public DbSet<Country> Countries => Set<Country>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClusterAtlasDbContext).Assembly);
    }
}

public sealed class SqliteClusterAtlasDbContext(DbContextOptions<SqliteClusterAtlasDbContext> options)
    : ClusterAtlasDbContext(options)
{
    /// <summary>
    /// SQLite cannot sort or compare DateTimeOffset text; stored as a number (all times are UTC) it can.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresClusterAtlasDbContext(DbContextOptions<PostgresClusterAtlasDbContext> options)
    : ClusterAtlasDbContext(options);
