using System.Net;
using System.Text;
using ClusterAtlas.Calls;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Tests.Calls;

/// <summary>Calls from CSV in the documented layout: all or nothing, errors by line and column, updates on re-import, dry runs.</summary>
public sealed class CallImportTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_valid_file_creates_its_calls_with_terms_by_id_or_by_name_in_any_language()
    {
        var id = Unique();
        var automotive = await app.TermIdAsync(Vocabulary.SectoralIndustries, "Automotive");
        var csv = CallScenarios.Csv(
            CallScenarios.Row($"Import one {id}", $"SMP-{id}-1", $"https://example.org/{id}/1", 30, countries: "Serbia; DE; Österreich",
                sectors: $"{automotive}; Metalworking Technology", technologies: "Computer Software", amount: "60000", currency: "eur", time: "17:00"),
            CallScenarios.Row($"Import two {id}", "", $"https://example.org/{id}/2", 40, summary: "Line one,\nline two with \"quotes\"."));
        var result = await app.ImportAsync(csv);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True(result.Stored);
        Assert.Equal([true, true], result.Rows.Select(r => r.Created));
        var first = await app.CallAsync(result.Rows[0].Slug);
        Assert.Equal(["RS", "DE", "AT"], first.EligibleCountries);
        Assert.Equal(3, first.Terms.Count);
        Assert.Equal(60000m, first.BudgetAmount);
        Assert.Equal("EUR", first.BudgetCurrency);
        Assert.Equal("Line one,\nline two with \"quotes\".", (await app.CallAsync(result.Rows[1].Slug)).Summary);
    }

    [Fact]
    public async Task A_wrong_row_stores_nothing_and_every_error_names_its_line_and_column()
    {
        var id = Unique();
        var before = await app.CallsSnapshotAsync();
        var csv = CallScenarios.Csv(
            CallScenarios.Row($"Good {id}", $"GOOD-{id}", $"https://example.org/{id}/good", 30),
            CallScenarios.Row($"Bad {id}", $"BAD-{id}", "javascript:alert(1)", 30, sectors: "Metalworking Technology; Underwater basket weaving", countries: "Atlantis"),
            CallScenarios.Row("", $"EMPTY-{id}", $"https://example.org/{id}/empty", 30));
        var result = await app.ImportAsync(csv);
        Assert.False(result.Succeeded);
        Assert.False(result.Stored);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("line 3, column \"link\": The link must be a web address such as https://example.org/call.", errors);
        Assert.Contains(errors, e => e.StartsWith("line 3, column \"sectors\": \"Underwater basket weaving\" is not a term", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 3, column \"eligible_countries\": \"Atlantis\"", StringComparison.Ordinal));
        Assert.Contains("line 4, column \"title\": Give the call's title.", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("line 2", StringComparison.Ordinal));
        Assert.Equal(before, await app.CallsSnapshotAsync());
    }

    [Fact]
    public async Task A_broken_header_or_file_is_reported_and_stores_nothing()
    {
        var before = await app.CallsSnapshotAsync();
        var noTitle = await app.ImportAsync(Encoding.UTF8.GetBytes("programme,link,closes,summary,colour\nX,https://example.org,2030-01-01,S,red\n"));
        Assert.Equal(["line 1, column \"colour\": not a column of the calls' layout (see docs/calls-csv.md)", "line 1, column \"title\": the header lacks this column, which every call needs"],
            noTitle.Errors.Select(e => e.ToString()));
        var notUtf8 = await app.ImportAsync([.. Encoding.UTF8.GetBytes(CallScenarios.Header + "\n"), 0xff, 0xfe, (byte)'\n']);
        Assert.Equal("line 2: not UTF-8 text; save the file as CSV UTF-8", Assert.Single(notUtf8.Errors).ToString());
        Assert.Equal(before, await app.CallsSnapshotAsync());
    }

    [Fact]
    public async Task Importing_the_same_file_again_updates_its_calls_by_identifier_or_link()
    {
        var id = Unique();
        var first = await app.ImportAsync(CallScenarios.Csv(
            CallScenarios.Row($"Re-import by id {id}", $"RE-{id}", $"https://example.org/{id}/a", 30),
            CallScenarios.Row($"Re-import by link {id}", "", $"https://example.org/{id}/b", 30)));
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        var again = await app.ImportAsync(CallScenarios.Csv(
            CallScenarios.Row($"Re-import by id {id}, renamed", $"re-{id}", $"https://example.org/{id}/a-moved", 45),
            CallScenarios.Row($"Re-import by link {id}, renamed", "", $"https://example.org/{id}/b", 45)));
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal([false, false], again.Rows.Select(r => r.Created));
        Assert.Equal(first.Rows.Select(r => r.Slug), again.Rows.Select(r => r.Slug));
        Assert.Equal($"https://example.org/{id}/a-moved", (await app.CallAsync(first.Rows[0].Slug)).Link);
        var count = await app.WithDbAsync(db => Task.FromResult(db.Set<FundingCall>().Count(c => c.Title.Contains(id))));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task A_dry_run_reports_and_stores_nothing_and_the_command_line_prints_it()
    {
        var id = Unique();
        var before = await app.CallsSnapshotAsync();
        var csv = CallScenarios.Csv(CallScenarios.Row($"Dry run {id}", $"DRY-{id}", $"https://example.org/{id}", 30));
        var result = await app.ImportAsync(csv, dryRun: true);
        Assert.True(result.Succeeded);
        Assert.False(result.Stored);
        Assert.Equal(before, await app.CallsSnapshotAsync());
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Assert.Equal(0, await CallImportCommand.PrintAsync(result, "calls.csv", output, errors));
        Assert.Contains($"line 2: would create /calls/dry-run-{id}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing was stored", output.ToString(), StringComparison.Ordinal);
        var bad = await app.ImportAsync(CallScenarios.Csv(CallScenarios.Row($"Dry run {id}", $"DRY-{id}", "nope", 30)), dryRun: true);
        Assert.Equal(1, await CallImportCommand.PrintAsync(bad, "calls.csv", output, errors));
        Assert.Contains("error: calls.csv, line 2, column \"link\"", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_page_previews_first_and_imports_on_confirmation()
    {
        var id = Unique();
        using var staff = await app.PlatformTeamAsync();
        var csv = CallScenarios.Csv(CallScenarios.Row($"Uploaded {id}", $"UP-{id}", $"https://example.org/{id}", 30));
        var token = (await ClusterAtlasFactory.ParseAsync(await staff.GetStringAsync(new Uri("/admin/calls/import", UriKind.Relative))))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(csv), "Upload", "calls.csv" },
        };
        using var preview = await staff.PostAsync(new Uri("/admin/calls/import?handler=Preview", UriKind.Relative), upload);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = await ClusterAtlasFactory.ParseAsync(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Would create", previewPage.QuerySelector(".import-rows")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Set<FundingCall>().Count(c => c.Identifier == $"UP-{id}"))));

        var confirm = previewPage.QuerySelector("form[action*=Confirm]")!;
        using var imported = await staff.PostFormAsync(confirm, new Uri("/admin/calls/import", UriKind.Relative), []);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("Created", (await ClusterAtlasFactory.ParseAsync(await imported.Content.ReadAsStringAsync())).QuerySelector(".import-rows")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Set<FundingCall>().Count(c => c.Identifier == $"UP-{id}"))));

        using var badUpload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(CallScenarios.Csv(CallScenarios.Row("", "", "x", 30))), "Upload", "calls.csv" },
        };
        using var refused = await staff.PostAsync(new Uri("/admin/calls/import?handler=Preview", UriKind.Relative), badUpload);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = (await ClusterAtlasFactory.ParseAsync(await refused.Content.ReadAsStringAsync())).QuerySelector(".import-problems")!.TextContent;
        Assert.Contains("Line 2, column title", problems, StringComparison.Ordinal);
    }
}
