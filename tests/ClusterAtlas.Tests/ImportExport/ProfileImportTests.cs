using System.Text;
using System.Text.Json.Nodes;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.ImportExport.ExportTests;
using static ClusterAtlas.Tests.Profiles.ProfileScenarios;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>
/// The JSON and CSV imports: an export imported into an empty database exports the same again, field for field (on
/// SQLite and, under ./test.sh, PostgreSQL); bad files and records are named with their line; a dry run and a failed
/// all-or-nothing run write nothing; profiles members maintain are refused unless replacing is asked.
/// </summary>
public sealed class ProfileImportTests(ApiFactory source) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_json_export_imported_into_an_empty_database_exports_the_same_profiles_field_for_field()
    {
        await GiveTheSeedAMembersOnlyContactAsync(source);
        var (_, exported) = await GetAsync(source, "/api/v1/cluster-organisations/export.json");
        await using var empty = new EmptyDatabaseFactory();

        var run = await ImportAsync(empty, JsonProfileFile.Read(exported, "export.json"), Options());

        Assert.True(run.Written);
        Assert.All(run.Results, r => Assert.Equal(ProfileImportOutcome.Created, r.Outcome));
        Assert.All(run.Results, r => Assert.Empty(r.Report.Problems));
        var (_, again) = await GetAsync(empty, "/api/v1/cluster-organisations/export.json");
        Assert.Equal(Comparable(exported), Comparable(again));

        // Imported again, nothing changes: the import is idempotent by slug.
        var second = await ImportAsync(empty, JsonProfileFile.Read(exported, "export.json"), Options());
        Assert.All(second.Results, r => Assert.Equal(ProfileImportOutcome.Unchanged, r.Outcome));
    }

    [Fact]
    public async Task A_csv_export_imported_into_an_empty_database_exports_the_same_rows()
    {
        var (_, exported) = await GetAsync(source, "/api/v1/cluster-organisations/export.csv");
        await using var empty = new EmptyDatabaseFactory();

        var run = await ImportAsync(empty, CsvProfileFile.Read(exported, "export.csv"), Options(tag: "csv-import"));

        Assert.True(run.Written);
        Assert.All(run.Results, r => Assert.Equal(ProfileImportOutcome.Created, r.Outcome));
        Assert.All(run.Results, r => Assert.Empty(r.Report.Problems));
        var (_, again) = await GetAsync(empty, "/api/v1/cluster-organisations/export.csv");
        Assert.Equal(CsvRows(exported), CsvRows(again));
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_its_line_and_a_bad_element_is_named_and_skipped()
    {
        var malformed = Assert.Throws<MalformedProfileFileException>(() => JsonRecords("[\n  {\"name\": \"A\"},\n  {\"name\": }\n]"));
        Assert.Equal(3, malformed.Line);
        Assert.Contains("test.json: line 3: not valid JSON", malformed.Message, StringComparison.Ordinal);

        var records = JsonRecords("[\n{\"name\": \"Import Good Cluster\", \"sectoralIndustries\": [{\"label\": \"Automotive\"}]},\n42,\n{\"acronym\": \"NN\"}\n]");
        var run = await ImportAsync(source, records, Options(dryRun: true));

        Assert.Equal([ProfileImportOutcome.Created, ProfileImportOutcome.Skipped, ProfileImportOutcome.Skipped], run.Results.Select(r => r.Outcome));
        Assert.Equal(("element 2", 3), (run.Results[1].Record.Where, run.Results[1].Record.Line));
        Assert.Contains("not a profile", run.Results[1].Error, StringComparison.Ordinal);
        Assert.Equal(4, run.Results[2].Record.Line);
        Assert.Contains("no name", run.Results[2].Error, StringComparison.Ordinal);
        var printed = new StringWriter();
        ProfileImportPrinter.Print(printed, run);
        Assert.Contains("test.json: element 2 (line 3): SKIPPED", printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_csv_is_refused_with_its_line_and_a_short_row_is_named_and_skipped()
    {
        var header = string.Join(",", "slug", "name", "website", "totalMembers");
        var malformed = Assert.Throws<MalformedProfileFileException>(() =>
            CsvProfileFile.Read(Encoding.UTF8.GetBytes($"# licence\n{header}\na,A,,1\nb,\"B unclosed,,2\n"), "test.csv"));
        Assert.Equal(4, malformed.Line);

        var records = CsvProfileFile.Read(Encoding.UTF8.GetBytes($"\uFEFF# licence\n{header}\ncsv-row-cluster,CSV Row Cluster,www.csv-row.example.org,12\nshort,row\n"), "test.csv");
        Assert.Equal([null, "has 2 fields and the header 4"], records.Select(r => r.Error));
        Assert.Equal([3, 4], records.Select(r => r.Line));
        var run = await ImportAsync(source, records, Options(dryRun: true));
        Assert.Equal([ProfileImportOutcome.Created, ProfileImportOutcome.Skipped], run.Results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task Values_that_do_not_fit_are_left_out_and_reported_and_the_rest_is_imported()
    {
        var records = JsonRecords("""
            [{"slug": "report-fields-cluster", "name": "Report Fields Cluster", "website": "javascript:alert(1)", "colour": "blue",
              "totalMembers": "many", "acronym": "RFC-ACRONYM-THAT-IS-FAR-TOO-LONG-FOR-THE-FIELD-OF-FIFTY-CHARACTERS",
              "sectoralIndustries": [{"label": "A sector no vocabulary has"}], "managementTeam": [{"name": "Ana", "email": "not an address"}]}]
            """);

        var run = await ImportAsync(source, records, Options());

        var report = Assert.Single(run.Results).Report;
        Assert.Equal(ProfileImportOutcome.Created, run.Results[0].Outcome);
        var notPlaced = report.Entries.Where(e => e.Outcome == ImportOutcome.NotPlaced).Select(e => e.Field).Order().ToList();
        Assert.Equal(["acronym", "colour", "managementTeam[0].email", "totalMembers", "website"], notPlaced);
        Assert.Contains(report.Entries, e => e.Outcome == ImportOutcome.ProposedTerm && e.Field == "sectoralIndustries[0]");
        var stored = await source.WithDbAsync(db => db.ClusterOrganisations.Include(p => p.ManagementTeam).SingleAsync(p => p.Slug == "report-fields-cluster"));
        Assert.Null(stored.Website);
        Assert.Null(stored.Acronym);
        Assert.Equal("Ana", Assert.Single(stored.ManagementTeam).Name);
        Assert.Null(stored.ManagementTeam[0].Email);
    }

    [Fact]
    public async Task A_nuts_code_the_platform_does_not_know_or_of_another_country_is_left_out_and_reported_and_a_known_one_names_the_region()
    {
        var records = JsonRecords("""
            [{"slug": "nuts-unknown-cluster", "name": "Nuts Unknown Cluster", "countryCode": "RS", "nutsCode": "ZZ999"},
             {"slug": "nuts-elsewhere-cluster", "name": "Nuts Elsewhere Cluster", "countryCode": "RS", "nutsCode": "DE21"},
             {"slug": "nuts-known-cluster", "name": "Nuts Known Cluster", "countryCode": "RS", "nutsCode": "RS12"}]
            """);

        var run = await ImportAsync(source, records, Options());

        Assert.Equal([ProfileImportOutcome.Created, ProfileImportOutcome.Created, ProfileImportOutcome.Created], run.Results.Select(r => r.Outcome));
        Assert.Contains(run.Results[0].Report.Entries, e => e is { Outcome: ImportOutcome.NotPlaced, Field: "nutsCode", Value: "ZZ999" });
        Assert.Contains(run.Results[1].Report.Entries, e => e is { Outcome: ImportOutcome.NotPlaced, Field: "nutsCode", Value: "DE21" });
        Assert.DoesNotContain(run.Results[2].Report.Entries, e => e.Outcome == ImportOutcome.NotPlaced);
        var stored = await source.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug.StartsWith("nuts-")).OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.NutsCode, p.RegionName }).ToListAsync());
        Assert.Equal(["nuts-elsewhere-cluster::", "nuts-known-cluster:RS12:Region Vojvodine", "nuts-unknown-cluster::"], stored.Select(p => $"{p.Slug}:{p.NutsCode}:{p.RegionName}"));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_says_what_would_change()
    {
        var before = await source.SnapshotAsync();
        var records = JsonRecords($$"""[{"slug": "{{SeedPage.Slug}}", "totalMembers": 4321, "sectoralIndustries": [{"label": "A dry-run sector"}]}, {"name": "Dry Run New Cluster"}]""");

        var run = await ImportAsync(source, records, Options(dryRun: true, replace: true));

        Assert.False(run.Written);
        Assert.Equal([ProfileImportOutcome.Updated, ProfileImportOutcome.Created], run.Results.Select(r => r.Outcome));
        Assert.Contains("TotalMembers", run.Results[0].ChangedFields);
        Assert.Equal(before, await source.SnapshotAsync());
        Assert.False(await source.WithDbAsync(db => db.VocabularyTerms.AnyAsync(t => t.Label == "A dry-run sector")));
        var printed = new StringWriter();
        ProfileImportPrinter.Print(printed, run);
        Assert.Contains($"would update /cluster-organisations/{SeedPage.Slug}: ", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("proposed term", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_or_nothing_writes_nothing_when_a_record_is_bad_and_without_it_the_good_records_are_written()
    {
        var before = await source.SnapshotAsync();
        var records = JsonRecords("""[{"name": "All Or Nothing Cluster"}, {"acronym": "no name"}]""");

        var run = await ImportAsync(source, records, Options(allOrNothing: true));

        Assert.False(run.Written);
        Assert.Equal(before, await source.SnapshotAsync());

        var partly = await ImportAsync(source, records, Options());
        Assert.True(partly.Written);
        Assert.Equal([ProfileImportOutcome.Created, ProfileImportOutcome.Skipped], partly.Results.Select(r => r.Outcome));
        Assert.True(await source.WithDbAsync(db => db.ClusterOrganisations.AnyAsync(p => p.Slug == "all-or-nothing-cluster")));
    }

    [Fact]
    public async Task A_profile_its_members_maintain_is_refused_unless_replace_is_asked_and_a_members_only_contact_is_kept()
    {
        await GiveTheSeedAMembersOnlyContactAsync(source);
        var (_, exported) = await GetAsync(source, "/api/v1/cluster-organisations/export.json");
        var seed = JsonNode.Parse(exported)!.AsArray().Single(p => (string?)p!["slug"] == SeedPage.Slug)!.AsObject();
        seed["totalMembers"] = 777;
        var records = JsonRecords(new JsonArray(seed.DeepClone()).ToJsonString());
        var email = ClusterAtlasFactory.NewEmail();
        using (await source.RegisterAndSignInAsync(email))
        {
        }
        var userId = await source.UserIdAsync(email);
        await source.WithDbAsync(async db =>
        {
            var id = await db.ClusterOrganisations.Where(p => p.Slug == SeedPage.Slug).Select(p => p.Id).SingleAsync();
            if (!await db.ProfileAdministrators.AnyAsync(a => a.ClusterOrganisationId == id))
            {
                db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = id, UserId = userId, AddedAt = DateTimeOffset.UtcNow });
            }
            return await db.SaveChangesAsync();
        });

        var refused = await ImportAsync(source, records, Options());
        Assert.Equal(ProfileImportOutcome.Refused, Assert.Single(refused.Results).Outcome);
        Assert.Contains("--replace", refused.Results[0].Error, StringComparison.Ordinal);

        var replaced = await ImportAsync(source, records, Options(replace: true));
        Assert.Equal(ProfileImportOutcome.Updated, Assert.Single(replaced.Results).Outcome);
        Assert.Equal(["TotalMembers"], replaced.Results[0].ChangedFields);
        var team = await source.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == SeedPage.Slug).SelectMany(p => p.ManagementTeam).ToListAsync());
        Assert.Contains(team, m => m.Email == ProfileExportTests.HiddenEmail);
    }

    /// <summary>The export without what a database gives each profile itself: its number and the time of its last write.</summary>
    private static string Comparable(byte[] export)
    {
        var profiles = JsonNode.Parse(export)!.AsArray();
        foreach (var profile in profiles.Select(p => p!.AsObject()))
        {
            profile.Remove("id");
            profile.Remove("updatedAt");
        }
        return profiles.ToJsonString();
    }

    private static List<string> CsvRows(byte[] export)
    {
        var text = Encoding.UTF8.GetString(export);
        var columns = ProfileExportColumns.All.Select(c => c.Name).ToList();
        return [.. CsvProfileFile.Read(export, "export.csv").Select(r =>
        {
            r.Value!.Remove("id");
            r.Value.Remove("updatedAt");
            return r.Value.ToJsonString();
        }), text.Split("\r\n")[0], string.Join(",", columns)];
    }
}
