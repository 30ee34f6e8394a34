using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Profiles.Logos;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Data;

/// <summary>
/// The one DbContext. Each database provider has a derived type (<see cref="SqliteClusterAtlasDbContext"/>,
/// <see cref="PostgresClusterAtlasDbContext"/>) so that each keeps its own migrations, as in EF Core's "Migrations with
/// multiple providers". Accounts (ASP.NET Core Identity) and the data-protection keys live in the same database, so
/// every app instance and the command line share them.
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
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClusterAtlasDbContext).Assembly);
    }
}
