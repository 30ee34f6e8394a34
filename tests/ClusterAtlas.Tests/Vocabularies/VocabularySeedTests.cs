using ClusterAtlas.Data;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Vocabularies;

/// <summary>The shipped vocabulary files meet databases of every age: new ones, and ones seeded from the earlier files with profiles on their terms.</summary>
public sealed class VocabularySeedTests
{
    private const string Sectors = Vocabulary.SectoralIndustries;
    private const string Emerging = Vocabulary.EmergingIndustries;

    private static EmptyDatabaseFactory StartApp()
    {
        var app = new EmptyDatabaseFactory();
        _ = app.Server;
        return app;
    }

    /// <summary>Starts the platform again on the same database: what every start does before serving.</summary>
    private static async Task RestartAsync(ClusterAtlasFactory app) =>
        await app.WithServiceAsync<DatabaseInitializer, int>(async initializer =>
        {
            await initializer.InitializeAsync(CancellationToken.None);
            return 0;
        });

    private static Task<List<string>> ProfileTermRowsAsync(ClusterAtlasFactory app) =>
        app.WithDbAsync(async db => (await db.Set<ProfileTerm>().AsNoTracking().Select(t => new { t.ClusterOrganisationId, t.Field, t.VocabularyTermId }).ToListAsync())
            .Select(t => $"{t.ClusterOrganisationId}:{t.Field}:{t.VocabularyTermId}").Order(StringComparer.Ordinal).ToList());

    [Fact]
    public async Task A_new_database_has_the_ECCP_spellings_with_the_other_spelling_as_an_alias_and_every_shipped_term()
    {
        await using var app = StartApp();

        var aerospace = await app.TermAsync(Sectors, "Aerospace Vehicles and Defence");
        Assert.Equal(["Aerospace Vehicles and Defense"], aerospace!.Aliases);
        Assert.Null(await app.TermAsync(Sectors, "Aerospace Vehicles and Defense"));
        Assert.Equal(["Biopharmaceuticals"], (await app.TermAsync(Emerging, "Bio-pharmaceuticals"))!.Aliases);
        // The sectoral list keeps its own "Biopharmaceuticals": aliases belong to one vocabulary.
        Assert.NotNull(await app.TermAsync(Sectors, "Biopharmaceuticals"));
        var counts = await app.WithDbAsync(async db => (await db.VocabularyTerms.AsNoTracking().GroupBy(t => t.Vocabulary).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => g.Key, g => g.Count));
        Assert.Equal(26, counts[Vocabulary.TechnologyFields]);
        Assert.Equal(20, counts[Vocabulary.S3PriorityAreas]);
        Assert.Equal(51, counts[Sectors]);
        Assert.Equal(4, counts[Vocabulary.ManagementRoles]);
        // Upskilling and reskilling services are support services (their file adds the four the old list lacked).
        Assert.Equal(13, counts[Vocabulary.SupportServices]);
        foreach (var service in new[] { "Competence development", "Lifelong learning", "Mentoring", "On-the-job training", "Staff mobility", "Vocational training" })
        {
            Assert.Equal(TermStatus.Active, (await app.TermAsync(Vocabulary.SupportServices, service))!.Status);
        }
    }

    [Fact]
    public async Task The_importer_takes_the_other_spelling_as_the_term()
    {
        await using var app = StartApp();

        var (slug, report) = await app.ImportProfilePageAsync("Alias Import Cluster",
            "Sectoral Industries:\nAerospace Vehicles and Defense\nEmerging Industries:\nBiopharmaceuticals\n");

        Assert.DoesNotContain(report.Entries, e => e.Outcome == ImportOutcome.ProposedTerm);
        Assert.Contains(report.Entries, e => e is { Outcome: ImportOutcome.Taken, Value: "Aerospace Vehicles and Defence" });
        Assert.Equal(["Aerospace Vehicles and Defence"], (await app.StoredTermsAsync(slug, ProfileField.SectoralIndustry)).Select(t => t.Label));
        Assert.Equal(["Bio-pharmaceuticals"], (await app.StoredTermsAsync(slug, ProfileField.EmergingIndustry)).Select(t => t.Label));
        // And searching with it finds the profile.
        Assert.Contains(slug, (await app.ApiSearchAsync("q=Defense")).Slugs);
    }

    [Fact]
    public async Task An_existing_database_with_the_old_spellings_keeps_every_profiles_terms_after_the_new_files()
    {
        await using var app = StartApp();
        // The database as the earlier files left it: the U.S. benchmark spelling, "Biopharmaceuticals" among the emerging
        // industries, no aliases, and none of the terms the files have gained since.
        await app.WithDbAsync(async db =>
        {
            var terms = await db.VocabularyTerms.ToListAsync();
            void Respell(string vocabulary, string label, string old)
            {
                var term = terms.Single(t => t.Vocabulary == vocabulary && t.Label == label);
                term.Label = old;
                term.MatchKey = TextFolding.MatchKey(old);
            }
            Respell(Sectors, "Aerospace Vehicles and Defence", "Aerospace Vehicles and Defense");
            Respell(Emerging, "Bio-pharmaceuticals", "Biopharmaceuticals");
            terms.ForEach(t => t.Aliases.Clear());
            db.VocabularyTerms.RemoveRange(terms.Where(t => t.Label is "Food Processing" or "Lifelong learning" or "Project Manager" or "Rubber & plastic products"));
            return await db.SaveChangesAsync();
        });
        // Profiles on the old spellings, and one an import gave the new spelling while it was not known (a proposed term);
        // "Biopharmaceuticals" and "Bio-pharmaceuticals" match tolerantly, so that one was taken as the term.
        var (aerospace, _) = await app.ImportProfilePageAsync("Old Aerospace Cluster",
            "Sectoral Industries:\nAerospace Vehicles and Defense\nAutomotive\nEmerging Industries:\nBiopharmaceuticals\nMedical Devices\n");
        var (pharma, _) = await app.ImportProfilePageAsync("Old Pharma Cluster", "Emerging Industries:\nBiopharmaceuticals\n");
        var (proposing, proposal) = await app.ImportProfilePageAsync("Proposing Aerospace Cluster",
            "Sectoral Industries:\nAerospace Vehicles and Defence\nEmerging Industries:\nBio-pharmaceuticals\n");
        Assert.Contains(proposal.Entries, e => e.Outcome == ImportOutcome.ProposedTerm);
        var oldAerospace = (await app.TermAsync(Sectors, "Aerospace Vehicles and Defense"))!;
        var oldPharma = (await app.TermAsync(Emerging, "Biopharmaceuticals"))!;
        var proposed = (await app.TermAsync(Sectors, "Aerospace Vehicles and Defence"))!;
        Assert.Equal(TermStatus.Proposed, proposed.Status);
        var rowsBefore = await ProfileTermRowsAsync(app);

        await RestartAsync(app);

        // Same ids, same profiles, the new spellings; the old ones are aliases.
        var aerospaceTerm = (await app.TermAsync(Sectors, "Aerospace Vehicles and Defence"))!;
        Assert.Equal(oldAerospace.Id, aerospaceTerm.Id);
        Assert.Equal(["Aerospace Vehicles and Defense"], aerospaceTerm.Aliases);
        var pharmaTerm = (await app.TermAsync(Emerging, "Bio-pharmaceuticals"))!;
        Assert.Equal(oldPharma.Id, pharmaTerm.Id);
        Assert.Equal(TermStatus.Active, pharmaTerm.Status);
        Assert.Equal(["Biopharmaceuticals"], pharmaTerm.Aliases);
        Assert.Null(await app.TermAsync(Sectors, "Aerospace Vehicles and Defense"));
        Assert.Null(await app.TermAsync(Emerging, "Biopharmaceuticals"));
        Assert.Equal(["Aerospace Vehicles and Defence", "Automotive"], (await app.StoredTermsAsync(aerospace, ProfileField.SectoralIndustry)).Select(t => t.Label));
        Assert.Equal(["Bio-pharmaceuticals", "Medical Devices"], (await app.StoredTermsAsync(aerospace, ProfileField.EmergingIndustry)).Select(t => t.Label));
        Assert.Equal([(oldPharma.Id, "Bio-pharmaceuticals")], await app.StoredTermsAsync(pharma, ProfileField.EmergingIndustry));
        // The proposed new spelling went into the established term, on its profile too.
        Assert.Equal([(oldAerospace.Id, "Aerospace Vehicles and Defence")], await app.StoredTermsAsync(proposing, ProfileField.SectoralIndustry));
        Assert.Equal([(oldPharma.Id, "Bio-pharmaceuticals")], await app.StoredTermsAsync(proposing, ProfileField.EmergingIndustry));
        // Every profile's every term is still there: only the proposed term's row now points at the established term.
        var rowsAfter = await ProfileTermRowsAsync(app);
        var expected = rowsBefore.Select(r => r.EndsWith($":{proposed.Id}", StringComparison.Ordinal) ? r[..r.LastIndexOf(':')] + $":{oldAerospace.Id}" : r)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rowsAfter);
        Assert.Equal(7, rowsAfter.Count);
        // The terms the files gained are there.
        Assert.NotNull(await app.TermAsync(Vocabulary.TechnologyFields, "Food Processing"));
        Assert.NotNull(await app.TermAsync(Vocabulary.SupportServices, "Lifelong learning"));
        Assert.NotNull(await app.TermAsync(Vocabulary.ManagementRoles, "Project Manager"));
        Assert.NotNull(await app.TermAsync(Vocabulary.S3PriorityAreas, "Rubber & plastic products"));
        // The public page and the search show the new spelling, and the old one still finds the profile.
        Assert.Contains("Aerospace Vehicles and Defence", await app.ProfilePageTextAsync(aerospace), StringComparison.Ordinal);
        var found = await app.ApiSearchAsync("q=Defense");
        Assert.Equal([aerospace, proposing], found.Slugs.Order(StringComparer.Ordinal));
        Assert.Contains("Aerospace Vehicles and Defence", found.SectorFacet);

        // A second start changes nothing.
        await RestartAsync(app);
        Assert.Equal(rowsAfter, await ProfileTermRowsAsync(app));
    }

    [Fact]
    public async Task What_administrators_renamed_stays_renamed_after_a_start()
    {
        await using var app = StartApp();
        var (slug, _) = await app.ImportProfilePageAsync("Apparel Cluster", "Sectoral Industries:\nApparel\n");
        await app.WithDbAsync(async db =>
        {
            VocabularyChanges.Rename(await db.VocabularyTerms.SingleAsync(t => t.Vocabulary == Sectors && t.Label == "Apparel"), "Clothing and Apparel");
            return await db.SaveChangesAsync();
        });

        await RestartAsync(app);

        Assert.Null(await app.TermAsync(Sectors, "Apparel"));
        Assert.Equal(["Apparel"], (await app.TermAsync(Sectors, "Clothing and Apparel"))!.Aliases);
        Assert.Equal(["Clothing and Apparel"], (await app.StoredTermsAsync(slug, ProfileField.SectoralIndustry)).Select(t => t.Label));
    }
}
