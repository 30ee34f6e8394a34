using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Data;

public static class DataServices
{
    private static readonly SqliteConnectionSettings SqliteSettings = new();

    /// <summary>
    /// Registers the DbContext for the configured provider. The provider is read when the context is
    /// resolved (not at registration) so that test hosts can override configuration.
    /// </summary>
    public static IServiceCollection AddClusterAtlasData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ClusterAtlasOptions>(configuration.GetSection(ClusterAtlasOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProfileTimestampsInterceptor>();
        services.AddDbContext<SqliteClusterAtlasDbContext>((sp, options) =>
        {
            var settings = sp.GetRequiredService<IOptions<ClusterAtlasOptions>>().Value;
            options.UseSqlite($"Data Source={settings.SqliteFile};Default Timeout=30", sqlite => sqlite.CommandTimeout(30));
            options.AddInterceptors(sp.GetRequiredService<ProfileTimestampsInterceptor>(), SqliteSettings);
        });
        services.AddDbContext<PostgresClusterAtlasDbContext>((sp, options) =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString("Default")
                ?? throw new InvalidOperationException("ClusterAtlas:Database is Postgres but ConnectionStrings:Default is not set.");
            options.UseNpgsql(connectionString);
            options.AddInterceptors(sp.GetRequiredService<ProfileTimestampsInterceptor>());
        });
        services.AddScoped<ClusterAtlasDbContext>(sp =>
            sp.GetRequiredService<IOptions<ClusterAtlasOptions>>().Value.Database == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresClusterAtlasDbContext>()
                : sp.GetRequiredService<SqliteClusterAtlasDbContext>());
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}

/// <summary>Sets created/updated times on every saved profile, and a new concurrency token when its content changed.</summary>
public sealed class ProfileTimestampsInterceptor(TimeProvider clock) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
    /// <summary>The properties of the validation workflow, not of the content.</summary>
    private static readonly HashSet<string> WorkflowProperties =
    [
        nameof(ClusterOrganisation.Status), nameof(ClusterOrganisation.PublishedAt), nameof(ClusterOrganisation.SubmittedAt),
        nameof(ClusterOrganisation.RejectionReason), nameof(ClusterOrganisation.CriteriaWaived), nameof(ClusterOrganisation.UpdatedAt),
    ];

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> SavingChanges(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        // One pass over the tracked rows: which profiles had a child row added, changed or removed.
        var profilesWithChangedChildren = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            // Who administers a profile, its history and the audit log are not its content: adding a colleague or a
            // revision must not make an editor's copy stale.
            if (entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified
                && entry.Entity is not ClusterOrganisation and not ProfileAdministrator and not Profiles.Editing.ProfileRevision and not Moderation.ModerationAction
                && entry.Metadata.FindProperty("ClusterOrganisationId") is { } foreignKey
                && (entry.Property(foreignKey.Name).CurrentValue ?? entry.Property(foreignKey.Name).OriginalValue) is int profileId)
            {
                profilesWithChangedChildren.Add(profileId);
            }
        }
        foreach (var entry in context.ChangeTracker.Entries<ClusterOrganisation>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.UpdatedAt = now;
            }
            else if (entry.State == EntityState.Modified || profilesWithChangedChildren.Contains(entry.Entity.Id))
            {
                entry.Entity.UpdatedAt = now;
                // The token guards the content: a change of status (submitted, published) leaves editors' copies valid.
                // A token set by the caller (the editor records it in the revision) is kept.
                var contentChanged = profilesWithChangedChildren.Contains(entry.Entity.Id)
                    || entry.Properties.Any(p => p.IsModified && !WorkflowProperties.Contains(p.Metadata.Name));
                if (contentChanged && !entry.Property(p => p.ConcurrencyToken).IsModified)
                {
                    entry.Entity.ConcurrencyToken = Guid.NewGuid();
                }
            }
        }
    }
}
