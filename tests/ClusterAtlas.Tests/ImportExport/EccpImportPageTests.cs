using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>The administrators' import of ECCP pages at /admin/import: upload, preview of what would change, confirmation.</summary>
public sealed class EccpImportPageTests(EmptyDatabaseFactory app) : IClassFixture<EmptyDatabaseFactory>
{
    private const string Url = "/admin/import";

    /// <summary>Uploads the files through the page's form (with its antiforgery token) and returns the preview.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, params (string Name, string Text)[] files)
    {
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(Url, UriKind.Relative)));
        var form = page.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        foreach (var (name, text) in files)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            body.Add(file, "Files", name);
        }
        return await browser.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), body);
    }

    [Fact]
    public async Task An_administrator_sees_what_would_change_then_imports_and_the_audit_log_names_them()
    {
        var admin = await app.SignInAsStaffAsync(AccountRoles.Administrator, "importer@example.org");
        var before = await app.SnapshotAsync();
        using var preview = await UploadAsync(admin, ("food-valley.html", EccpFixtures.CurrentLayoutHtml));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        await HtmlValidator.AssertValidAsync(html, Url);
        var page = await ClusterAtlasFactory.ParseAsync(html);
        var outcome = page.QuerySelector(".import-outcome")!.TextContent;
        Assert.Contains("Would create", outcome, StringComparison.Ordinal);
        Assert.Contains(EccpFixtures.CurrentLayoutSlug, outcome, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".import-outcome tbody tr"), row => row.TextContent.Contains("Staff in the management team", StringComparison.Ordinal)
            && row.TextContent.Contains("11-20", StringComparison.Ordinal));
        var lines = EccpFixtures.CurrentLayoutHtml.Split('\n');
        var unknownLine = Array.FindIndex(lines, l => l.Contains("Space agencies", StringComparison.Ordinal)) + 1;
        Assert.Contains(page.QuerySelectorAll(".import-problems li"), li => li.TextContent.StartsWith($"Line {unknownLine} — Space agencies: 7", StringComparison.Ordinal));
        Assert.Equal(before, await app.SnapshotAsync());

        var confirm = page.QuerySelector("main form[action*='handler=Confirm']")!;
        using var imported = await admin.PostFormAsync(confirm, new Uri(Url, UriKind.Relative), []);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("Created", (await ClusterAtlasFactory.ParseAsync(await imported.Content.ReadAsStringAsync())).QuerySelector(".import-outcome")!.TextContent, StringComparison.Ordinal);
        var profile = await app.WithDbAsync(db => db.ClusterOrganisations.AsNoTracking().SingleAsync(p => p.Slug == EccpFixtures.CurrentLayoutSlug));
        Assert.Equal("11-20", profile.ManagementTeamBand);
        var audit = await app.WithDbAsync(db => db.ModerationActions.AsNoTracking().SingleAsync(a => a.ClusterOrganisationId == profile.Id));
        Assert.Equal(ModerationActionKind.ImportCreated, audit.Action);
        Assert.Contains("importer@example.org", audit.ModeratorName, StringComparison.Ordinal);

        // The profile page shows the band.
        var shown = await app.GetDocumentAsync($"/cluster-organisations/{EccpFixtures.CurrentLayoutSlug}");
        Assert.Contains("11-20", shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_that_cannot_be_read_are_named_with_what_is_wrong_and_nothing_is_written()
    {
        var admin = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        var before = await app.SnapshotAsync();
        using var wrongType = await UploadAsync(admin, ("logo.png", "not a page"));
        var page = await ClusterAtlasFactory.ParseAsync(await wrongType.Content.ReadAsStringAsync());
        Assert.Contains("logo.png: only pages saved as .txt, .htm or .html are read.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[action*='handler=Confirm']"));

        using var malformed = await UploadAsync(admin, ("list.txt", "Just a shopping list\nmilk\n"));
        page = await ClusterAtlasFactory.ParseAsync(await malformed.Content.ReadAsStringAsync());
        Assert.Contains("list.txt, line 1: no known profile label found", page.QuerySelector(".import-outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[action*='handler=Confirm']"));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task A_moderator_cannot_import()
    {
        var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        using var response = await moderator.GetAsync(new Uri(Url, UriKind.Relative));
        Assert.True(ProfileScenarios.IsRefusal(response), $"a moderator got {(int)response.StatusCode}");
    }
}
