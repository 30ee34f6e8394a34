using ClusterAtlas.ImportExport;
using ClusterAtlas.Network;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>`import eccp` with --dry-run and --all-or-nothing, and the import's idempotency by slug or by website.</summary>
public sealed class EccpImportOptionsTests(EmptyDatabaseFactory app) : IClassFixture<EmptyDatabaseFactory>
{
    private static string OlderPage(string name, string website, int members) => $"""
        Home > Cluster Organisations > {name}
        Website:
        {website}
        Total number of members:
        {members}
        Sectoral Industries:
        Automotive
        """;

    /// <summary>Runs `import eccp` in the app's services, as the command does, on files written to a folder of their own.</summary>
    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(EccpImportRun.Options options, params (string Name, string Text)[] pages)
    {
        var folder = Directory.CreateTempSubdirectory("clusteratlas-import-").FullName;
        try
        {
            var files = new List<FileInfo>();
            foreach (var (name, text) in pages)
            {
                var path = Path.Combine(folder, name);
                await File.WriteAllTextAsync(path, text);
                files.Add(new FileInfo(path));
            }
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var exitCode = await new EccpImportRun(app.Services, output, errors).RunAsync(files, options, CancellationToken.None);
            return (exitCode, output.ToString(), errors.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<string> StateAsync() => app.WithDbAsync(async db =>
        await app.SnapshotAsync() + $"\n{await db.VocabularyTerms.CountAsync()}:{await db.ModerationActions.CountAsync()}:{await db.ProfileRevisions.CountAsync()}");

    private static EccpImportRun.Options Options(bool dryRun = false, bool allOrNothing = false) => new(ProfileStatus.Published, false, dryRun, allOrNothing);

    [Fact]
    public async Task A_dry_run_prints_what_would_change_and_writes_nothing()
    {
        var before = await StateAsync();
        var (exitCode, output, errors) = await RunAsync(Options(dryRun: true), ("food-valley.txt", EccpFixtures.CurrentLayoutText));
        Assert.True(exitCode == 0, errors);
        Assert.Contains($"food-valley.txt: would create /cluster-organisations/{EccpFixtures.CurrentLayoutSlug} (the ECCP's layout since 2021)", output, StringComparison.Ordinal);
        Assert.Contains("change  Staff in the management team: (empty) -> 11-20", output, StringComparison.Ordinal);
        Assert.Contains("nothing was written", output, StringComparison.Ordinal);
        // Not the profile, not its new terms' proposals, not an audit entry.
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task All_or_nothing_writes_nothing_when_one_page_is_malformed()
    {
        var before = await StateAsync();
        var good = ("good.txt", OlderPage("All Or Nothing Cluster", "https://all-or-nothing.example.org", 40));
        var bad = ("bad.txt", "Just a shopping list\nmilk\n");
        var (exitCode, _, errors) = await RunAsync(Options(allOrNothing: true), good, bad);
        Assert.Equal(1, exitCode);
        Assert.Contains("bad.txt, line 1", errors, StringComparison.Ordinal);
        Assert.Contains("with --all-or-nothing nothing was written", errors, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());

        // Without it, the good page is imported and the bad one reported.
        (exitCode, _, errors) = await RunAsync(Options(), good, bad);
        Assert.Equal(1, exitCode);
        Assert.Contains("bad.txt, line 1", errors, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.ClusterOrganisations.AnyAsync(p => p.Slug == "all-or-nothing-cluster")));
    }

    [Fact]
    public async Task A_page_under_another_name_updates_the_profile_with_its_website_and_a_second_import_changes_nothing()
    {
        var (exitCode, _, errors) = await RunAsync(Options(), ("first.txt", OlderPage("Harbour Logistics Cluster", "https://harbour-logistics.example.org", 30)));
        Assert.True(exitCode == 0, errors);
        var renamed = OlderPage("Harbour Logistics and Shipping Cluster", "https://harbour-logistics.example.org", 35);
        var (_, output, _) = await RunAsync(Options(), ("renamed.txt", renamed));
        Assert.Contains("renamed.txt: updated /cluster-organisations/harbour-logistics-cluster (the ECCP's older layout, found by its website)", output, StringComparison.Ordinal);
        var profiles = await app.WithDbAsync(db => db.ClusterOrganisations.AsNoTracking().Where(p => p.Website == "https://harbour-logistics.example.org").ToListAsync());
        var profile = Assert.Single(profiles);
        Assert.Equal(("harbour-logistics-cluster", "Harbour Logistics and Shipping Cluster", 35), (profile.Slug, profile.Name, profile.TotalMembers));

        var report = await app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer =>
            importer.ImportAsync(renamed, "again.txt", ProfileStatus.Published, CancellationToken.None, dryRun: true));
        Assert.False(report.Created);
        Assert.Empty(report.Changes);
    }

    [Fact]
    public async Task A_page_saved_as_html_is_imported_with_its_staff_band()
    {
        var (exitCode, output, errors) = await RunAsync(Options(), ("food-valley.html", EccpFixtures.CurrentLayoutHtml.Replace("Pannonian", "Tisza", StringComparison.Ordinal)));
        Assert.True(exitCode == 0, errors);
        Assert.Contains("food-valley.html: created /cluster-organisations/tisza-food-valley-cluster", output, StringComparison.Ordinal);
        Assert.Contains("NOT PLACED", output, StringComparison.Ordinal); // the "Space agencies" label, with its line
        var profile = await app.WithDbAsync(db => db.ClusterOrganisations.AsNoTracking().SingleAsync(p => p.Slug == "tisza-food-valley-cluster"));
        Assert.Equal(("11-20", 140), (profile.ManagementTeamBand, profile.TotalMembers));
    }

    [Fact]
    public async Task Pages_that_name_each_other_are_matched_together_after_the_last_as_a_whole_match_would()
    {
        static (string, string) Page(string name, params string[] partners) => ($"{TextFolding.Slug(name)}.txt", $"""
            Home > Cluster Organisations > {name}
            Website:
            https://{TextFolding.Slug(name)}.example.org
            Which clusters do you collaborate with?:
            {string.Join("\n", partners)}
            Sectoral Industries:
            Automotive
            """);
        // The first page names clusters whose pages come after it; the last names one by a near-spelling.
        var (exitCode, _, errors) = await RunAsync(Options(),
            Page("Lantern Harbour Cluster", "Quarry Orchard Cluster, Serbia", "Meadow Foundry Cluster, Croatia"),
            Page("Quarry Orchard Cluster", "Lantern Harbour Cluster, Serbia"),
            Page("Meadow Foundry Cluster", "Lantern Harbor Cluster, Serbia", "Quarry Orchard Cluster, Serbia"));

        Assert.True(exitCode == 0, errors);
        Assert.Empty(await app.WithServiceAsync<NetworkLinker, List<NetworkLinker.ProfileVersion>>(l => l.UnmatchedAsync(100, CancellationToken.None)));
        string[] slugs = ["lantern-harbour-cluster", "quarry-orchard-cluster", "meadow-foundry-cluster"];
        var links = await app.WithDbAsync(db => db.Set<NetworkLink>().CountAsync(l => slugs.Contains(l.Profile.Slug) && slugs.Contains(l.PartnerProfile.Slug)));
        Assert.True(links >= 5, $"only {links} links: the pages name each other");
        await Network.NetworkTermIndexTests.AssertLinksAreThoseOfAWholeMatchAsync(app, "after an import of three pages");
    }
}
