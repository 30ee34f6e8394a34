using ClusterAtlas.ClusterDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// The directory looks for changes made elsewhere (another instance, the command line) every two seconds, in the
/// background: no reader waits for the look (one did, and the output cache held every other reader of the page behind it).
/// </summary>
public sealed class DirectoryLookForChangesTests(DirectoryRefreshTests.HeldDirectoryFactory app) : IClassFixture<DirectoryRefreshTests.HeldDirectoryFactory>
{
    private const string Listing = "/cluster-organisations?country=RS";

    [Fact]
    public async Task The_look_for_changes_made_elsewhere_holds_no_reader_and_finds_them_in_the_background()
    {
        using var client = app.CreateClient();
        await client.GetStringAsync(new Uri(Listing, UriKind.Relative));
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        await app.Services.GetRequiredService<ClusterAtlas.Network.NetworkIndex>().StartBuilding();
        var before = await index.CurrentAsync(CancellationToken.None);
        // A rename as another process makes it: past this process's writes (an update without SaveChanges), so nothing marks the directory stale.
        var renamed = "Vojvodina Metal Works " + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == "vojvodina-metal-cluster")
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, renamed).SetProperty(p => p.UpdatedAt, DateTimeOffset.UtcNow)));
        // The look is due (every two seconds), and it cannot get to the database.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        app.Open.Reset();
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var (shown, behind) = await index.CurrentOrPreviousAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            // A reader that waited for the look would wait the whole 30 s; the rest is a busy machine's margin.
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"the reader waited {started.Elapsed} for the look for changes");
            Assert.Same(before, shown);
            Assert.False(behind);
        }
        finally
        {
            app.Open.Set();
        }

        // The look goes on once it can, and the next readers see the rename.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await index.CurrentOrPreviousAsync(TimeSpan.Zero, CancellationToken.None)).Directory.Entries.Any(e => e.Name == renamed) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Contains(index.Latest!.Entries, e => e.Name == renamed);
    }

    [Fact]
    public async Task A_profile_gone_from_the_published_elsewhere_without_a_change_time_is_found_by_the_looks_count()
    {
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        var before = await index.CurrentAsync(CancellationToken.None);
        var gone = before.Entries[before.Entries.Count - 1];
        // Unpublished as a careless script would (no change time): only the number of published profiles shows it,
        // which the look counts with its comparison of change times, every 30 s, not at each two-second look.
        await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == gone.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, ClusterAtlas.Profiles.ProfileStatus.Draft)));
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
            while ((await index.CurrentOrPreviousAsync(TimeSpan.Zero, CancellationToken.None)).Directory.Entries.Any(e => e.Id == gone.Id) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            Assert.DoesNotContain(index.Latest!.Entries, e => e.Id == gone.Id);
            Assert.Equal(before.Entries.Count - 1, index.Latest!.Entries.Count);
        }
        finally
        {
            await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == gone.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, ClusterAtlas.Profiles.ProfileStatus.Published).SetProperty(p => p.UpdatedAt, DateTimeOffset.UtcNow)));
        }
    }
}
