using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Data;

public static class DataServices
{
    private static readonly SqliteConnectionSettings SqliteSettings = new();

    /// <summary>
    /// Registers the DbContext for the configured provider. The provider is read when the context is
    /// resolved (not at registration) so that test hosts can override configuration. The options are built once per
    /// host, not per request: rebuilding them (and EF finding its internal services for them again) was a large part
    /// of what a page that makes a query cost. Everything they hold is a singleton. The contexts themselves are
    /// pooled: setting up a new one for each request (its internal services, found again) was a tenth of a directory
    /// search's CPU; a pooled one is reset as it is given back.
    /// </summary>
    public static IServiceCollection AddClusterAtlasData(this IServiceCollection services, IConfiguration configuration)
    {
        SqliteConnectionSettings.ConfigureProcess();
        services.Configure<ClusterAtlasOptions>(configuration.GetSection(ClusterAtlasOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProfileTimestampsInterceptor>();
        services.AddDbContextPool<SqliteClusterAtlasDbContext>((sp, options) =>
        {
            var settings = sp.GetRequiredService<IOptions<ClusterAtlasOptions>>().Value;
            options.UseSqlite($"Data Source={settings.SqliteFile};Default Timeout=30", sqlite => sqlite.CommandTimeout(30));
            options.AddInterceptors([.. FeatureInterceptors(sp), sp.GetRequiredService<ProfileTimestampsInterceptor>(), SqliteSettings]);
            SkipPendingModelCheck(options);
        });
        services.AddDbContextPool<PostgresClusterAtlasDbContext>((sp, options) =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString("Default")
                ?? throw new InvalidOperationException("ClusterAtlas:Database is Postgres but ConnectionStrings:Default is not set.");
            options.UseNpgsql(PostgresConnectionString.WithDefaults(connectionString));
            options.AddInterceptors([.. FeatureInterceptors(sp), sp.GetRequiredService<ProfileTimestampsInterceptor>()]);
            SkipPendingModelCheck(options);
        });
        services.AddScoped<ClusterAtlasDbContext>(sp =>
            sp.GetRequiredService<IOptions<ClusterAtlasOptions>>().Value.Database == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresClusterAtlasDbContext>()
                : sp.GetRequiredService<SqliteClusterAtlasDbContext>());
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<Operations.ServingLock>();
        services.AddHostedService<SqlitePlannerStatistics>();
        return services;
    }

    /// <summary>
    /// A start does not compare the model with the migrations' snapshot (EF's check for a forgotten migration, which
    /// diffs the whole model and was a noticeable part of every start); DatabaseProviderTests makes that check on
    /// both databases, so a change to the model without its migration fails the suite instead.
    /// </summary>
    private static void SkipPendingModelCheck(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));

    /// <summary>
    /// What features do to a profile as it is saved (such as locating it on the map), registered by them as
    /// <see cref="Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor"/>; they run before the timestamps are set.
    /// </summary>
    private static IEnumerable<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> FeatureInterceptors(IServiceProvider sp) =>
        sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>();
}

/// <summary>Sets created/updated times on every saved <see cref="IStampedContent"/>, and a new concurrency token when its content changed.</summary>
public sealed class ProfileTimestampsInterceptor(TimeProvider clock) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
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
        // One pass over the tracked rows: which stamped rows had a row of their content added, changed or removed.
        var withChangedChildren = new HashSet<(Type, int)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            // Rows that refer to content without being part of it (INotContent) must not make an editor's copy stale.
            if (entry.State is not (EntityState.Added or EntityState.Deleted or EntityState.Modified) || entry.Entity is IStampedContent or INotContent)
            {
                continue;
            }
            foreach (var foreignKey in entry.Metadata.GetForeignKeys().Where(k => typeof(IStampedContent).IsAssignableFrom(k.PrincipalEntityType.ClrType) && k.Properties.Count == 1))
            {
                var property = entry.Property(foreignKey.Properties[0].Name);
                if ((property.CurrentValue ?? property.OriginalValue) is int id)
                {
                    withChangedChildren.Add((foreignKey.PrincipalEntityType.ClrType, id));
                }
            }
        }
        foreach (var entry in context.ChangeTracker.Entries<IStampedContent>())
        {
            var childrenChanged = withChangedChildren.Contains((entry.Metadata.ClrType, entry.Entity.Id));
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.UpdatedAt = now;
            }
            else if (entry.State == EntityState.Modified || childrenChanged)
            {
                entry.Entity.UpdatedAt = now;
                // The token guards the content: a change of workflow (submitted, published) leaves editors' copies valid.
                // A token set by the caller (the editor records it in the revision) is kept.
                var contentChanged = childrenChanged
                    || entry.Properties.Any(p => p.IsModified && !entry.Entity.NotContentProperties.Contains(p.Metadata.Name));
                if (contentChanged && !entry.Property(nameof(IStampedContent.ConcurrencyToken)).IsModified)
                {
                    entry.Entity.ConcurrencyToken = Guid.NewGuid();
                }
            }
        }
    }
}
