using System.Text;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Profiles.ProfileScenarios;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>
/// Imports never lose what members maintain, and never store mojibake: a page over a profile its members keep is refused
/// unless replacing is asked for (and then recorded like any edit); a page saved in a legacy Windows code page is read
/// in it, and one that is in no encoding we know is refused with its line.
/// </summary>
public sealed class ImportSafetyTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private static string Page(string name, int members) => $"""
        Home > Cluster Organisations > {name}

        Total number of members:
        {members}

        Sectoral Industries:
        Automotive
        """;

    [Fact]
    public async Task A_page_over_a_profile_its_members_maintain_is_refused_unless_replace_is_asked_and_then_it_is_a_revision_in_the_moderators_feed()
    {
        const string name = "Members Keep This Cluster";
        var created = await app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer =>
            importer.ImportAsync(Page(name, 40), "first.txt", ProfileStatus.Published, CancellationToken.None));
        var email = ClusterAtlasFactory.NewEmail();
        using (await app.RegisterAndSignInAsync(email))
        {
        }
        var userId = await app.UserIdAsync(email);
        await app.WithDbAsync(async db =>
        {
            var id = await db.ClusterOrganisations.Where(p => p.Slug == created.Slug).Select(p => p.Id).SingleAsync();
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = id, UserId = userId, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var before = await app.SnapshotAsync();

        var refused = await Assert.ThrowsAsync<ProfileImportRefusedException>(() => app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer =>
            importer.ImportAsync(Page(name, 55), "second.txt", ProfileStatus.Published, CancellationToken.None)));
        Assert.Contains("--replace", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());

        await app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer =>
            importer.ImportAsync(Page(name, 55), "second.txt", ProfileStatus.Published, CancellationToken.None, replace: true));
        var revisions = await app.WithDbAsync(db => db.ProfileRevisions.Where(r => r.ClusterOrganisation.Slug == created.Slug).ToListAsync());
        var revision = Assert.Single(revisions);
        Assert.Equal("Import of second.txt", revision.AuthorName);
        Assert.Equal("TotalMembers", revision.ChangedFields);
        // The moderators' feed lists the saves of published profiles.
        Assert.Equal(ProfileStatus.Published, revision.ProfileStatus);
        Assert.Equal(55, await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == created.Slug).Select(p => p.TotalMembers).SingleAsync()));
    }

    [Fact]
    [Trait("Database", "none")] // a SQLite folder of its own whatever the pass: the PostgreSQL pass of ./test.sh would only repeat it
    public async Task A_page_saved_in_windows_1250_is_read_in_it()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1250).GetBytes(Page("Čačak Metal Cluster", 30) + "\n\nCity:\nČačak\n");
        var (exitCode, output) = await ImportAsync(bytes);
        Assert.True(exitCode == 0, output);
        Assert.Contains("/cluster-organisations/cacak-metal-cluster", output, StringComparison.Ordinal);
        Assert.Contains("Čačak", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Database", "none")] // a SQLite folder of its own whatever the pass: the PostgreSQL pass of ./test.sh would only repeat it
    public async Task A_file_in_no_known_encoding_is_refused_with_its_line()
    {
        var bytes = Encoding.ASCII.GetBytes("Home > Cluster Organisations > Broken Cluster\n\nCity:\n").Concat(new byte[] { 0x4E, 0x81, 0x90, 0x0A }).ToArray();
        var (exitCode, output) = await ImportAsync(bytes);
        Assert.Equal(1, exitCode);
        Assert.Contains("line 4: the file is neither UTF-8 nor Windows-1250 or Windows-1252 text", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eccp")]
    [InlineData("csv")]
    public async Task A_file_that_does_not_exist_is_named_without_a_line(string kind)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var missing = Path.Combine(dataDirectory, "no-such-file.txt");
            var run = await CommandLineRun.RunAsync(["import", kind, missing],
                new Dictionary<string, string> { ["ClusterAtlas__DataDirectory"] = dataDirectory, ["ClusterAtlas__Database"] = "Sqlite" });
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{missing}: no such file", run.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("line 0", run.Output + run.Errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>`import eccp FILE` as an operator runs it: the real executable, on a database folder of its own.</summary>
    private static async Task<(int ExitCode, string Output)> ImportAsync(byte[] page)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, "page.txt");
        await File.WriteAllBytesAsync(file, page);
        try
        {
            var run = await CommandLineRun.RunAsync(["import", "eccp", file],
                new Dictionary<string, string> { ["ClusterAtlas__DataDirectory"] = dataDirectory, ["ClusterAtlas__Database"] = "Sqlite" });
            return (run.ExitCode, run.Output + run.Errors);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
