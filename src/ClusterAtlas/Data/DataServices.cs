using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
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
        services.AddSingleton(_ => CountryList.Load());
        services.AddScoped<EccpProfileImporter>();
        services.AddScoped<VocabularyAdministration>();
        services.AddScoped<DemoDataGenerator>();
        services.AddScoped<DatabaseInitializer>();
        services.AddHealthChecks().AddDbContextCheck<ClusterAtlasDbContext>("database", tags: ["ready"]);
        return services;
    }
}

/// <summary>Creates, migrates and seeds the database: vocabularies, countries and, when empty, the demo content.</summary>
public sealed class DatabaseInitializer(
    ClusterAtlasDbContext db,
    CountryList countries,
    EccpProfileImporter importer,
    DemoDataGenerator demoData,
    SearchIndexWriter searchIndex,
    DirectoryIndex directory,
    IOptions<ClusterAtlasOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoProfileFile = "demo-vojvodina-metal-cluster.txt";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeStorageAsync(cancellationToken);
        }
        catch (Exception error) when (StorageFaults.Explain(error, options.Value, db.Database.IsNpgsql() ? db.Database.GetConnectionString() : null) is { } message)
        {
            throw new StorageFaultException(message, error);
        }
    }

    private async Task InitializeStorageAsync(CancellationToken cancellationToken)
    {
        // The data folder is where mail and keys go whatever the database: find out now that it cannot be written.
        var folder = Directory.CreateDirectory(Path.GetFullPath(options.Value.DataDirectory));
        var probe = Path.Combine(folder.FullName, $".write-test-{Environment.ProcessId}");
        await File.WriteAllTextAsync(probe, "", cancellationToken);
        File.Delete(probe);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await SeedVocabulariesAsync(cancellationToken);
        await SeedCountriesAsync(cancellationToken);
        await searchIndex.EnsureCompleteAsync(db, logger, cancellationToken);
        if (options.Value.LoadDemoContent && !await db.ClusterOrganisations.AnyAsync(cancellationToken))
        {
            var report = await importer.ImportAsync(
                await File.ReadAllTextAsync(SeedFiles.PathOf(DemoProfileFile), cancellationToken),
                DemoProfileFile, ProfileStatus.Published, cancellationToken);
            logger.LogInformation("Loaded the demo profile {Slug}", report.Slug);
            if (options.Value.DemoSampleProfiles > 0)
            {
                var created = await demoData.GenerateAsync(options.Value.DemoSampleProfiles, DemoDataGenerator.DefaultSeed, null, cancellationToken);
                logger.LogInformation("Loaded {Count} sample profiles (remove them with: demo-data --remove)", created);
            }
        }
        // Build the in-memory directory now rather than on the first visitor's search.
        await directory.CurrentAsync(cancellationToken);
    }

    /// <summary>
    /// Brings the vocabularies up to the shipped files without losing any profile's terms: a term the files now spell
    /// differently (its old spelling is the new one's alias) is renamed in place, keeping its id and its profiles, and the
    /// old spelling stays as an alias. Terms that are not there yet are added; what administrators did stays as it is
    /// (a term they renamed or retired is not brought back).
    /// </summary>
    private async Task SeedVocabulariesAsync(CancellationToken cancellationToken)
    {
        var terms = await db.VocabularyTerms.ToListAsync(cancellationToken);
        var added = 0;
        var renamed = new List<VocabularyTerm>();
        foreach (var vocabulary in Vocabulary.All)
        {
            var ofVocabulary = terms.Where(t => t.Vocabulary == vocabulary).ToList();
            VocabularyTerm? ByLabel(string key) => ofVocabulary.FirstOrDefault(t => t.MatchKey == key);
            VocabularyTerm? ByAnyKey(string key) => ofVocabulary.FirstOrDefault(t => t.MatchKeys().Contains(key));
            var seedTerms = SeedFiles.ReadVocabulary(vocabulary);
            for (var i = 0; i < seedTerms.Count; i++)
            {
                var seed = seedTerms[i];
                var key = TextFolding.MatchKey(seed.Label);
                var aliasKeys = seed.Aliases.Select(TextFolding.MatchKey).ToList();
                var term = ByLabel(key);
                // The term as the files spelled it before: it keeps its id and profiles under the new spelling.
                var earlier = ofVocabulary.FirstOrDefault(t => t != term && t.Status != TermStatus.Proposed && aliasKeys.Contains(t.MatchKey));
                if (earlier is not null && (term is null || term.Status == TermStatus.Proposed))
                {
                    if (term is not null)
                    {
                        // An import proposed the new spelling meanwhile: its profiles go to the established term.
                        await VocabularyChanges.MoveProfilesAsync(db, term, earlier, cancellationToken);
                        db.VocabularyTerms.Remove(term);
                        ofVocabulary.Remove(term);
                    }
                    VocabularyChanges.Rename(earlier, seed.Label);
                    term = earlier;
                    renamed.Add(earlier);
                }
                else if (term is null && ByAnyKey(key) is { } known)
                {
                    // Renamed by an administrator, or merged: the old spelling is an alias and stays one.
                    term = known;
                }
                else if (term is null)
                {
                    term = new VocabularyTerm { Vocabulary = vocabulary, Label = seed.Label, MatchKey = key, SortOrder = i };
                    if (seed.ParentLabel is not null)
                    {
                        term.Parent = ByAnyKey(TextFolding.MatchKey(seed.ParentLabel));
                    }
                    db.VocabularyTerms.Add(term);
                    ofVocabulary.Add(term);
                    added++;
                }
                else if (term.Status == TermStatus.Proposed)
                {
                    // A term proposed by an import and since added to the shipped list is now a real term.
                    term.Status = TermStatus.Active;
                    term.Label = seed.Label;
                    term.SortOrder = i;
                }
                else if (term.Label != seed.Label && seed.Aliases.Contains(term.Label, StringComparer.Ordinal))
                {
                    // The old shipped spelling matches the new one tolerantly ("Biopharmaceuticals", "Bio-pharmaceuticals"): respelled.
                    VocabularyChanges.Rename(term, seed.Label);
                    renamed.Add(term);
                }
                foreach (var alias in seed.Aliases)
                {
                    // Kept even when it matches the label tolerantly: the search splits words differently.
                    var aliasKey = TextFolding.MatchKey(alias);
                    if (alias != term.Label && !term.Aliases.Contains(alias, StringComparer.Ordinal)
                        && !ofVocabulary.Any(t => t != term && t.MatchKeys().Contains(aliasKey)))
                    {
                        term.Aliases.Add(alias);
                    }
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0 || renamed.Count > 0)
        {
            logger.LogInformation("Vocabularies: {Added} terms added, {Renamed} renamed to the shipped spelling", added, renamed.Count);
        }
        if (renamed.Count > 0)
        {
            // The profiles show and search the new spellings.
            var renamedIds = renamed.Select(t => t.Id).ToList();
            var profileIds = await db.Set<ProfileTerm>().Where(t => renamedIds.Contains(t.VocabularyTermId)).Select(t => t.ClusterOrganisationId).Distinct().ToListAsync(cancellationToken);
            await VocabularyChanges.TouchAsync(db, profileIds, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await searchIndex.IndexAsync(db, profileIds, cancellationToken);
            directory.MarkVocabularyChanged();
        }
    }

    private async Task SeedCountriesAsync(CancellationToken cancellationToken)
    {
        var known = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        foreach (var country in countries.All.Where(c => !known.Contains(c.Code)))
        {
            db.Countries.Add(new Country { Code = country.Code, Name = country.Name, IsInEurope = country.IsInEurope, Aliases = [.. country.Aliases] });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
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

/// <summary>Lets `dotnet ef` create each provider's context without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClusterAtlasDbContext>
{
    public SqliteClusterAtlasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClusterAtlasDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClusterAtlasDbContext>
{
    public PostgresClusterAtlasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClusterAtlasDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
