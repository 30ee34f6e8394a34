using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Profiles.Logos;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClusterAtlas.Data;

/// <summary>
/// The one DbContext. Each database provider has a derived type (below) so that each keeps its own
/// migrations, as in EF Core's "Migrations with multiple providers". Accounts (ASP.NET Core Identity) and the
/// data-protection keys live in the same database, so every app instance and the command line share them.
/// </summary>
public class ClusterAtlasDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<ClusterOrganisation> ClusterOrganisations => Set<ClusterOrganisation>();
    public DbSet<ProfileAdministrator> ProfileAdministrators => Set<ProfileAdministrator>();
    public DbSet<ProfileRevision> ProfileRevisions => Set<ProfileRevision>();
    public DbSet<ProfileLogo> ProfileLogos => Set<ProfileLogo>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<EditReview> EditReviews => Set<EditReview>();
    public DbSet<VocabularyTerm> VocabularyTerms => Set<VocabularyTerm>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClusterAtlasDbContext).Assembly);
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
