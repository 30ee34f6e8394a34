using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// The directory's entries kept in a file between starts (docs/decisions/0031-a-million-profiles.md): a start reads
/// them from the file only when it was written from the database as it is, and searches answer the same either way.
/// </summary>
public sealed class DirectorySnapshotFileTests
{
    private static readonly string[] Queries =
    [
        "", "?q=cluster", "?q=metal&sort=name", "?country=ES&country=DE", "?sort=newest&pageSize=50", "?label=gold", "?sort=members&page=2",
    ];

    [Fact]
    public async Task A_start_on_a_current_file_answers_every_search_as_the_database_did()
    {
        var first = new SnapshotFileFactory { KeepDataOnDispose = true };
        Dictionary<string, string> fromDatabase;
        try
        {
            fromDatabase = await SearchAllAsync(first);
            await WaitForFileAsync(first);
        }
        finally
        {
            await first.DisposeAsync();
        }
        await using var second = new SnapshotFileFactory(first);
        var fromFile = await SearchAllAsync(second);
        Assert.Equal(fromDatabase, fromFile);
    }

    [Fact]
    public async Task A_file_is_read_when_its_stamp_is_the_database_s_and_ignored_when_stale()
    {
        var first = new SnapshotFileFactory { KeepDataOnDispose = true };
        var (entries, stamp) = await FirstStartAsync(first);
        var path = DirectorySnapshotFile.PathIn(first.DataDirectory);
        // A marked entry shows which source a start used: the file holds a name the database does not.
        var marked = Columns(entries.Select(e => e.Id == entries[0].Id ? Renamed(e.ToData(), "Marked From The File") : e.ToData()));

        DirectorySnapshotFile.Write(path, stamp with { LastChange = stamp.LastChange.AddTicks(10) }, marked);
        Assert.Null(DirectorySnapshotFile.TryRead(path, stamp));
        await using (var stale = new SnapshotFileFactory(first) { KeepDataOnDispose = true })
        {
            var names = await stale.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None);
            Assert.DoesNotContain(names.Entries, e => e.Name == "Marked From The File");
            // ... and the start replaces it with one of the database as it is.
            for (var i = 0; i < 300 && DirectorySnapshotFile.TryRead(path, stamp) is null; i++)
            {
                await Task.Delay(100);
            }
            Assert.NotNull(DirectorySnapshotFile.TryRead(path, stamp));
        }

        DirectorySnapshotFile.Write(path, stamp, marked);
        Assert.Equal(entries.Count, DirectorySnapshotFile.TryRead(path, stamp)!.Count);
        await using (var current = new SnapshotFileFactory(first) { KeepDataOnDispose = true })
        {
            var names = await current.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None);
            Assert.Contains(names.Entries, e => e.Name == "Marked From The File");
        }

        // A damaged file is as good as none.
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
        Assert.Null(DirectorySnapshotFile.TryRead(path, stamp));
        await using var damaged = new SnapshotFileFactory(first);
        var loaded = await damaged.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None);
        Assert.Equal(entries.Count, loaded.Entries.Count);
        Assert.DoesNotContain(loaded.Entries, e => e.Name == "Marked From The File");
    }

    [Fact]
    public async Task A_start_after_changes_since_the_file_reads_the_file_and_the_changed_profiles()
    {
        var first = new SnapshotFileFactory { KeepDataOnDispose = true };
        var (entries, stamp) = await FirstStartAsync(first, async () =>
        {
            // The profiles last changed two hours ago, one of them an hour ago: a start looks a few minutes further back
            // than its file's last change, so that one is loaded again, the others not.
            var index = first.Services.GetRequiredService<DirectoryIndex>();
            var (twoHoursAgo, hourAgo) = (DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddHours(-1));
            await first.WithDbAsync(db => db.ClusterOrganisations.ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, twoHoursAgo)));
            index.MarkStale();
            var second = (await index.CurrentAsync(CancellationToken.None)).Entries[1].Id;
            await first.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == second).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, hourAgo)));
            index.MarkStale();
        });
        // A profile renamed after the file was written (a restart after edits, or after another instance's).
        var changed = entries[entries.Count - 1].Id;
        await using (var editing = new SnapshotFileFactory(first) { KeepDataOnDispose = true })
        {
            await using var scope = editing.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Id == changed);
            profile.Name = "Changed After The File";
            await db.SaveChangesAsync();
        }
        // The file as it was before the change, one entry marked so that a start shows whether it was used (still first
        // in name order, as the file's entries are).
        var path = DirectorySnapshotFile.PathIn(first.DataDirectory);
        var marked = Columns(entries.Select(e => e.Id == entries[0].Id ? Renamed(e.ToData(), e.Name + " Marked From The File")
            : e.Id == entries[1].Id ? Renamed(e.ToData(), e.Name + " Looked Back") : e.ToData()));
        DirectorySnapshotFile.Write(path, stamp, marked);
        await using (var restarted = new SnapshotFileFactory(first) { KeepDataOnDispose = true })
        {
            var names = (await restarted.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None)).Entries;
            Assert.Equal(entries.Count, names.Count);
            Assert.Contains(names, e => e.Name.EndsWith(" Marked From The File", StringComparison.Ordinal));
            Assert.Equal("Changed After The File", names.Single(e => e.Id == changed).Name);
            // The profile changed an hour ago, within the look back from the file's last change, is read again.
            Assert.DoesNotContain(names, e => e.Name.EndsWith(" Looked Back", StringComparison.Ordinal));
            Assert.Equal([.. names.Select(e => e.Name).Order(StringComparer.OrdinalIgnoreCase)], names.Select(e => e.Name));
            // ... and writes a file of the database as it is, with the marked entry still.
            await using var scope = restarted.Services.CreateAsyncScope();
            var now = await DirectoryIndex.StampAsync(scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>(), CancellationToken.None);
            for (var i = 0; i < 300 && DirectorySnapshotFile.TryRead(path, now) is null; i++)
            {
                await Task.Delay(100);
            }
            Assert.Contains(DirectorySnapshotFile.TryRead(path, now)!, e => e.Name.EndsWith(" Marked From The File", StringComparison.Ordinal));
        }

        // A file that the changes do not bring to the database's profiles is not used: one entry short, or one with an
        // id the database does not publish (the same number of entries, another sum of ids).
        var otherId = Columns(marked.Select((e, i) => i == 1 ? Renamed(e.ToData(), e.Name, id: int.MaxValue - 1) : e.ToData()));
        foreach (var file in new[] { Columns(marked.Skip(1).Select(e => e.ToData())), otherId })
        {
            DirectorySnapshotFile.Write(path, stamp, file);
            await using var notUsed = new SnapshotFileFactory(first) { KeepDataOnDispose = file != otherId };
            var loaded = (await notUsed.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None)).Entries;
            Assert.Equal(entries.Count, loaded.Count);
            Assert.DoesNotContain(loaded, e => e.Name.EndsWith(" Marked From The File", StringComparison.Ordinal));
            Assert.Equal("Changed After The File", loaded.Single(e => e.Id == changed).Name);
        }
    }

    [Fact]
    public async Task A_start_on_a_file_of_the_database_reads_again_a_profile_whose_write_committed_after_the_file()
    {
        var first = new SnapshotFileFactory { KeepDataOnDispose = true };
        var (entries, stamp) = await FirstStartAsync(first, waitForFile: true);
        var path = DirectorySnapshotFile.PathIn(first.DataDirectory);
        var times = DirectorySnapshotFile.TryReadHead(path)?.Recent;
        Assert.NotNull(times);
        // The file as written, with its times, one entry marked so that a start shows whether it was used.
        var marked = Columns(entries.Select(e => e.Id == entries[0].Id ? Renamed(e.ToData(), e.Name + " Marked From The File") : e.ToData()));
        DirectorySnapshotFile.Write(path, stamp, marked, times);

        // A write stamped before the file's last change and committed after the file was written: the database's stamp
        // (counts, sums, newest time) is still the file's.
        await using (var editing = new SnapshotFileFactory(first) { KeepDataOnDispose = true })
        {
            await editing.WithDbAsync(async db =>
            {
                var newest = await db.ClusterOrganisations.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
                var late = entries.Select(e => e.Id).Last(id => id != newest);
                await db.ClusterOrganisations.Where(p => p.Id == late).ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Name, "Committed After The File").SetProperty(p => p.UpdatedAt, stamp.LastChange.AddSeconds(-1)));
                Assert.Equal(stamp, await DirectoryIndex.StampAsync(db, CancellationToken.None));
                return late;
            });
        }

        await using (var restarted = new SnapshotFileFactory(first) { KeepDataOnDispose = true })
        {
            var names = (await restarted.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None)).Entries;
            Assert.Equal(entries.Count, names.Count);
            Assert.Contains(names, e => e.Name.EndsWith(" Marked From The File", StringComparison.Ordinal));
            Assert.Contains(names, e => e.Name == "Committed After The File");
            Assert.Equal([.. names.Select(e => e.Name).Order(StringComparer.OrdinalIgnoreCase)], names.Select(e => e.Name));
        }

        // A file whose times are damaged (one out of any date's range) is as good as none: the start reads the database.
        DirectorySnapshotFile.Write(path, stamp, marked, times);
        var bytes = await File.ReadAllBytesAsync(path);
        var firstTime = 4 + 4 + 36 + 4 + 4; // magic, format, stamp, count of times, the first time's profile id
        BitConverter.GetBytes(long.MaxValue).CopyTo(bytes, firstTime);
        await File.WriteAllBytesAsync(path, bytes);
        Assert.Null(DirectorySnapshotFile.TryReadHead(path));
        Assert.Null(DirectorySnapshotFile.TryRead(path, stamp));
        await using var damaged = new SnapshotFileFactory(first);
        var loaded = (await damaged.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None)).Entries;
        Assert.Equal(entries.Count, loaded.Count);
        Assert.DoesNotContain(loaded, e => e.Name.EndsWith(" Marked From The File", StringComparison.Ordinal));
        // ... and replaces it with a file of the database.
        for (var i = 0; i < 300 && DirectorySnapshotFile.TryReadHead(path) is null; i++)
        {
            await Task.Delay(100);
        }
        Assert.NotNull(DirectorySnapshotFile.TryReadHead(path));
    }

    [Fact]
    public async Task Every_field_of_an_entry_comes_back_from_the_file()
    {
        await using var app = new SnapshotFileFactory();
        var entries = (await app.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None)).Entries;
        var stamp = new DirectoryStamp(entries.Count, entries.Sum(e => (long)e.Id), DateTimeOffset.UnixEpoch, 7, 3, 2);
        var path = Path.Combine(app.DataDirectory, "roundtrip.bin");
        DirectorySnapshotFile.Write(path, stamp, entries);
        var read = DirectorySnapshotFile.TryRead(path, stamp)!;
        Assert.Equal(entries.Select(Describe), read.Select(Describe));
        Assert.Null(DirectorySnapshotFile.TryRead(path, stamp with { TermRows = 8 }));
    }

    private static string Describe(DirectoryEntry e) => System.Text.Json.JsonSerializer.Serialize(e.ToData());

    private static DirectoryEntries Columns(IEnumerable<DirectoryEntryData> entries)
    {
        var builder = new DirectoryEntries.Builder();
        foreach (var entry in entries)
        {
            builder.Add(entry);
        }
        return builder.Build();
    }

    private static DirectoryEntryData Renamed(DirectoryEntryData e, string name, int? id = null) => new()
    {
        Id = id ?? e.Id, Slug = e.Slug, Name = name, Acronym = e.Acronym, CountryCode = e.CountryCode, Region = e.Region, Label = e.Label,
        TotalMembers = e.TotalMembers, PublishedAt = e.PublishedAt, IsSampleData = e.IsSampleData, RelyOnContactRequests = e.RelyOnContactRequests,
        NameWords = e.NameWords, NameStems = e.NameStems, TermIds = e.TermIds, CooperationCountries = e.CooperationCountries,
        Latitude = e.Latitude, Longitude = e.Longitude, LocationPrecision = e.LocationPrecision, EstablishedYear = e.EstablishedYear,
        SmeMembers = e.SmeMembers, StartupMembers = e.StartupMembers, LargeCompanyMembers = e.LargeCompanyMembers,
        ResearchOrganisationMembers = e.ResearchOrganisationMembers, OtherEcosystemActors = e.OtherEcosystemActors,
    };

    /// <summary>The directory of a first start (after <paramref name="prepare"/>) and the database's stamp; the app is then stopped, its data kept.</summary>
    private static async Task<(DirectoryEntries Entries, DirectoryStamp Stamp)> FirstStartAsync(SnapshotFileFactory first, Func<Task>? prepare = null, bool waitForFile = false)
    {
        try
        {
            if (prepare is not null)
            {
                await prepare();
            }
            var entries = (await first.Services.GetRequiredService<DirectoryIndex>().CurrentAsync(CancellationToken.None)).Entries;
            if (waitForFile)
            {
                await WaitForFileAsync(first);
            }
            await using var scope = first.Services.CreateAsyncScope();
            return (entries, await DirectoryIndex.StampAsync(scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>(), CancellationToken.None));
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    private static async Task<Dictionary<string, string>> SearchAllAsync(ClusterAtlasFactory app)
    {
        using var client = app.CreateClient();
        var results = new Dictionary<string, string>();
        foreach (var query in Queries)
        {
            results[query] = await client.GetStringAsync(new Uri("/api/v1/cluster-organisations" + query, UriKind.Relative));
        }
        return results;
    }

    private static async Task WaitForFileAsync(ClusterAtlasFactory app)
    {
        var path = DirectorySnapshotFile.PathIn(app.Services.GetRequiredService<IOptions<ClusterAtlasOptions>>().Value.DataDirectory);
        for (var i = 0; i < 300 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(File.Exists(path), "the directory snapshot file was not written");
    }

    /// <summary>Sample profiles and a file kept from the first profile on.</summary>
    private sealed class SnapshotFileFactory : ClusterAtlasFactory
    {
        public SnapshotFileFactory()
            : base(null)
        {
        }

        public SnapshotFileFactory(SnapshotFileFactory previous)
            : base(previous)
        {
        }

        protected override int DemoSampleProfiles => 60;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ClusterAtlas:DirectorySnapshotFileMinimum", "1");
        }
    }
}
