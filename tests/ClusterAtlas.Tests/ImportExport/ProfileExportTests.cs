using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>The exports of a directory search as a visitor or a machine client fetches them: CSV, XLSX and JSON.</summary>
public sealed class ProfileExportTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    public const string HiddenEmail = "members-only-contact@example.org";

    [Fact]
    public async Task The_csv_opens_with_a_byte_order_mark_names_the_licence_and_has_the_documented_columns_one_row_a_profile()
    {
        var (response, bytes) = await ExportTests.GetAsync(app, "/api/v1/cluster-organisations/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("rel=\"license\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Contains("<https://creativecommons.org/licenses/by/4.0/>", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        // The header is the first line: a line before it would be read as the column names by spreadsheets and CSV readers.
        Assert.Equal(string.Join(",", ProfileExportColumns.All.Select(c => c.Name)), lines[0]);
        var records = CsvProfileFile.Read(bytes, "export.csv");
        var published = await app.WithDbAsync(db => db.ClusterOrganisations.CountAsync(p => p.Status == ProfileStatus.Published));
        Assert.Equal(published, records.Count);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public async Task An_export_of_a_filtered_search_has_the_profiles_the_search_finds_and_no_others()
    {
        using var client = app.CreateClient();
        var search = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/cluster-organisations?country=RS&pageSize=100", UriKind.Relative))).RootElement;
        var expected = search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).Order().ToList();

        var (response, bytes) = await ExportTests.GetAsync(app, "/api/v1/cluster-organisations/export.json?country=RS");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exported = JsonNode.Parse(bytes)!.AsArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, exported.Select(p => (string?)p!["slug"]).Order().ToList());
        Assert.All(exported, p => Assert.Equal("RS", (string?)p!["countryCode"]));
        Assert.All(exported, p => Assert.Equal("CC BY 4.0", (string?)p!["licence"]!["name"]));
    }

    [Fact]
    public async Task An_export_with_a_bad_parameter_is_a_problem_naming_it()
    {
        var (response, bytes) = await ExportTests.GetAsync(app, "/api/v1/cluster-organisations/export.csv?country=XX");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(bytes).RootElement.GetProperty("errors").TryGetProperty("country", out _));
    }

    [Fact]
    public async Task Contacts_shown_to_members_only_are_in_no_export()
    {
        await ExportTests.GiveTheSeedAMembersOnlyContactAsync(app);

        foreach (var format in new[] { "csv", "json", "xlsx" })
        {
            var (response, bytes) = await ExportTests.GetAsync(app, "/api/v1/cluster-organisations/export." + format);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = format == "xlsx" ? ExportTests.XlsxText(bytes) : Encoding.UTF8.GetString(bytes);
            Assert.Contains("Members-Only Contact Person", text, StringComparison.Ordinal);
            Assert.DoesNotContain(HiddenEmail, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_xlsx_has_a_sheet_of_profiles_and_a_sheet_naming_the_licence()
    {
        var (response, bytes) = await ExportTests.GetAsync(app, "/api/v1/cluster-organisations/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClusterAtlas.ImportExport.ProfileXlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        Assert.Contains("name=\"Profiles\"", workbook, StringComparison.Ordinal);
        Assert.Contains("name=\"Licence\"", workbook, StringComparison.Ordinal);
        var text = ExportTests.XlsxText(bytes);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/", text, StringComparison.Ordinal);
        Assert.Contains("Vojvodina Metal Cluster", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_page_links_each_export_with_its_search_and_the_links_work_without_script()
    {
        var page = await app.GetDocumentAsync("/cluster-organisations?country=RS&sort=name");
        var links = page.QuerySelectorAll("a[href*='/export.']").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/api/v1/cluster-organisations/export.csv?country=RS", "/api/v1/cluster-organisations/export.xlsx?country=RS",
            "/api/v1/cluster-organisations/export.json?country=RS"], links);
    }
}

/// <summary>Helpers of the export and import tests.</summary>
public static class ExportTests
{
    public static async Task<(HttpResponseMessage Response, byte[] Bytes)> GetAsync(ClusterAtlasFactory app, string url)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The text of every part of a workbook (the shared strings and the sheets).</summary>
    public static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    /// <summary>A team member of the seed whose e-mail only members may see (added once).</summary>
    public static Task<int> GiveTheSeedAMembersOnlyContactAsync(ClusterAtlasFactory app) => app.WithDbAsync(async db =>
    {
        var seed = await db.ClusterOrganisations.Include(p => p.ManagementTeam).SingleAsync(p => p.Slug == SeedPage.Slug);
        if (seed.ManagementTeam.Any(m => m.Email == ProfileExportTests.HiddenEmail))
        {
            return 0;
        }
        seed.ManagementTeam.Add(new ManagementTeamMember
        {
            Name = "Members-Only Contact Person", Role = "Coordinator", Email = ProfileExportTests.HiddenEmail, Phone = "+381 21 555 0101",
            ContactVisibility = ContactVisibility.MembersOnly, SortOrder = seed.ManagementTeam.Count,
        });
        return await db.SaveChangesAsync();
    });

    public static ProfileImportOptions Options(bool dryRun = false, bool allOrNothing = false, bool replace = false, string tag = "json-import") =>
        new(ProfileStatus.Published, replace, dryRun, allOrNothing, tag);

    public static Task<ProfileImportRun> ImportAsync(ClusterAtlasFactory app, IReadOnlyList<ProfileRecord> records, ProfileImportOptions options) =>
        app.WithServiceAsync<ProfileRecordImporter, ProfileImportRun>(importer => importer.ImportAsync(records, options, null, CancellationToken.None));

    public static IReadOnlyList<ProfileRecord> JsonRecords(string json) => JsonProfileFile.Read(Encoding.UTF8.GetBytes(json), "test.json");
}
