using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Data;

/// <summary>Creates, migrates and seeds the database: vocabularies and, when empty, the demo content.</summary>
public sealed class DatabaseInitializer(
    ClusterAtlasDbContext db,
    EccpProfileImporter importer,
    DemoDataGenerator demoData,
    PartnerSearch.DemoPostings demoPostings,
    Events.DemoEvents demoEvents,
    Calls.DemoCalls demoCalls,
    TimeProvider clock,
    News.DemoNews demoNews,
    SearchIndexWriter searchIndex,
    DirectoryIndex directory,
    Map.ProfileLocations locations,
    IOptions<ClusterAtlasOptions> options,
    Operations.ServingLock servingLock,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoProfileFile = "demo-vojvodina-metal-cluster.txt";

    /// <summary>Creates, migrates and seeds the database: what a command (import, users, backup) needs before it runs.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => InitializeAsync(serving: false, cancellationToken);

    /// <summary>
    /// As <see cref="InitializeAsync(CancellationToken)"/>, then starts building the in-memory directory in the
    /// background: the platform answers its pages while it is built, and /health/ready says ready when it is. (The
    /// network is built from the directory when first asked for, also in the background: at a million profiles 3–4 s, the
    /// process holding 1.0–1.1 GB with it, which a start that serves only searches need not spend.) Commands do not search: at a million
    /// profiles the directory's build took 20 s of each.
    /// </summary>
    public Task InitializeForServingAsync(CancellationToken cancellationToken) => InitializeAsync(serving: true, cancellationToken);

    private async Task InitializeAsync(bool serving, CancellationToken cancellationToken)
    {
        try
        {
            if (serving)
            {
                servingLock.HoldWhileServing(Operations.PrivateFiles.Folder(Path.GetFullPath(options.Value.DataDirectory)).FullName);
            }
            await InitializeStorageAsync(cancellationToken);
            if (serving)
            {
                _ = directory.StartBuilding(cancellationToken);
            }
        }
        catch (Exception error) when (StorageFaults.Explain(error, options.Value, db.Database.IsNpgsql() ? db.Database.GetConnectionString() : null) is { } message)
        {
            throw new StorageFaultException(message, error);
        }
    }

    private async Task InitializeStorageAsync(CancellationToken cancellationToken)
    {
        // The data folder is where mail and keys go whatever the database: find out now that it cannot be written.
        var folder = Operations.PrivateFiles.Folder(Path.GetFullPath(options.Value.DataDirectory));
        var probe = Path.Combine(folder.FullName, $".write-test-{Environment.ProcessId}");
        await File.WriteAllTextAsync(probe, "", cancellationToken);
        File.Delete(probe);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            if (SqliteConnectionSettings.ProcessSettingsRefused is { } refused)
            {
                logger.LogWarning("{Reason}; every call into SQLite takes its locks (slower, not wrong)", refused);
            }
            // WAL lets readers go on while one writer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await SeedVocabulariesAsync(cancellationToken);
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
                var postings = await demoPostings.AddAsync(12, DemoDataGenerator.DefaultSeed, cancellationToken);
                logger.LogInformation("Loaded {Count} sample partner searches", postings);
                var news = await demoNews.AddAsync(4, DemoDataGenerator.DefaultSeed, cancellationToken);
                logger.LogInformation("Loaded {Count} sample news items", news);
            }
            var events = await demoEvents.AddAsync(cancellationToken);
            logger.LogInformation("Loaded {Count} sample events", events);
            var calls = await demoCalls.AddAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
            logger.LogInformation("Loaded {Count} sample calls", calls);
        }
        // Profiles stored before locations were computed get theirs. (Their change time stays: a directory file of them
        // would keep them unlocated, so it goes.)
        if (await locations.LocateUnlocatedAsync(cancellationToken) > 0)
        {
            File.Delete(DirectorySnapshotFile.PathIn(options.Value.DataDirectory));
        }
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
}
