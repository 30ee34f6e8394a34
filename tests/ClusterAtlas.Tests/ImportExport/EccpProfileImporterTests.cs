using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>The importer against the real database (SQLite, or PostgreSQL in the suite's second run).</summary>
public sealed class EccpProfileImporterTests
{
    /// <summary>A new installation without demo content: migrated, vocabularies loaded, no profile.</summary>
    private static EmptyDatabaseFactory StartApp()
    {
        var app = new EmptyDatabaseFactory();
        _ = app.Server;
        return app;
    }

    private static Task<ImportReport> ImportAsync(ClusterAtlasFactory app, string text, string source = "page.txt") =>
        app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer => importer.ImportAsync(text, source, ProfileStatus.Published, CancellationToken.None));

    private static Task<ClusterOrganisation> LoadAsync(ClusterAtlasFactory app, string slug) =>
        app.WithDbAsync(db => db.ClusterOrganisations.AsNoTracking()
            .Include(p => p.ManagementTeam).Include(p => p.CollaboratingClusters).Include(p => p.SupportProgrammes)
            .Include(p => p.SuccessStories).Include(p => p.Terms).ThenInclude(t => t.Term)
            .AsSplitQuery().SingleAsync(p => p.Slug == slug));

    private static Task<(int Profiles, int Children, int Terms, int Vocabulary)> CountRowsAsync(ClusterAtlasFactory app) =>
        app.WithDbAsync(async db => (
            await db.ClusterOrganisations.CountAsync(),
            await db.Set<CollaboratingCluster>().CountAsync() + await db.Set<ManagementTeamMember>().CountAsync()
                + await db.Set<SupportProgramme>().CountAsync() + await db.Set<SuccessStory>().CountAsync(),
            await db.Set<ProfileTerm>().CountAsync(),
            await db.VocabularyTerms.CountAsync()));

    [Fact]
    public async Task Seed_is_stored_with_every_section()
    {
        await using var app = StartApp();
        var report = await ImportAsync(app, SeedPage.Text);
        Assert.True(report.Created);

        var p = await LoadAsync(app, SeedPage.Slug);
        Assert.Equal(ProfileStatus.Published, p.Status);
        Assert.NotNull(p.PublishedAt);
        Assert.Equal(new DateOnly(2011, 10, 21), p.EstablishedOn);
        Assert.Equal(ExcellenceLabel.Bronze, p.ExcellenceLabel);
        Assert.Equal("RS", p.CountryCode);
        Assert.Equal(["Serbian Cluster Association", "Enterprise Europe Network"], p.NetworkMemberships);
        Assert.Equal(6, p.ManagementTeam.Count);
        Assert.Equal(16, p.CollaboratingClusters.Count);
        Assert.Equal(4, p.SupportProgrammes.Count);
        Assert.Equal(3, p.SuccessStories.Count);
        Assert.Equal(["AE"], p.CountriesOutsideEurope);
        Assert.Equal("Metalworking Technology", Assert.Single(p.TermsOf(ProfileField.SectoralIndustry)).Term.Label);
        Assert.Equal(SeedPage.Services, p.TermsOf(ProfileField.SupportService).Select(t => t.Term.Label));
        Assert.All(p.Terms, t => Assert.Equal(TermStatus.Active, t.Term.Status));
    }

    [Fact]
    public async Task Reimport_updates_in_place_without_duplicates()
    {
        await using var app = StartApp();
        await ImportAsync(app, SeedPage.Text);
        var before = await CountRowsAsync(app);
        var first = await LoadAsync(app, SeedPage.Slug);

        var second = await ImportAsync(app, SeedPage.Text);
        Assert.False(second.Created);
        Assert.Equal(before, await CountRowsAsync(app));

        var changed = SeedPage.Text.Replace("Bronze Label", "Silver Label", StringComparison.Ordinal)
            .Replace("INNOSKART ICT Cluster, Hungary\n", "", StringComparison.Ordinal);
        await ImportAsync(app, changed);
        var updated = await LoadAsync(app, SeedPage.Slug);
        Assert.Equal(first.Id, updated.Id);
        Assert.Equal(ExcellenceLabel.Silver, updated.ExcellenceLabel);
        Assert.Equal(15, updated.CollaboratingClusters.Count);
        Assert.NotEqual(first.ConcurrencyToken, updated.ConcurrencyToken);
        Assert.Equal(before.Profiles, (await CountRowsAsync(app)).Profiles);
    }

    [Fact]
    public async Task Unknown_vocabulary_terms_are_proposed_and_reported_not_dropped()
    {
        await using var app = StartApp();
        const string page = """
            Home > Cluster Organisations > Quantum Valley Cluster
            Sectoral Industries:
            Quantum Technologies
            Information Technology and Analytical Instruments
            S3 EU priority areas:
            Crop & animal production, hunting &related service activities
            """;
        var report = await ImportAsync(app, page);
        Assert.Contains(report.Entries, e => e is { Outcome: ImportOutcome.ProposedTerm, Value: "Quantum Technologies", Line: 3 });

        var p = await LoadAsync(app, "quantum-valley-cluster");
        var sectors = p.TermsOf(ProfileField.SectoralIndustry).Select(t => (t.Term.Label, t.Term.Status)).ToList();
        Assert.Equal([("Quantum Technologies", TermStatus.Proposed), ("Information Technology and Analytical Instruments", TermStatus.Active)], sectors);
        // Tolerant matching: the page's "hunting &related" is the listed term.
        Assert.Equal("Crop & animal production, hunting & related service activities", Assert.Single(p.TermsOf(ProfileField.S3PriorityArea)).Term.Label);
    }

    [Fact]
    public async Task Malformed_page_leaves_the_database_untouched()
    {
        await using var app = StartApp();
        await ImportAsync(app, SeedPage.Text);
        var before = await CountRowsAsync(app);

        var error = await Assert.ThrowsAsync<MalformedProfilePageException>(() => ImportAsync(app, "Just a shopping list\nmilk\n", "list.txt"));
        Assert.Contains("list.txt, line 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync(app));
        Assert.Equal(ExcellenceLabel.Bronze, (await LoadAsync(app, SeedPage.Slug)).ExcellenceLabel);
    }
}
