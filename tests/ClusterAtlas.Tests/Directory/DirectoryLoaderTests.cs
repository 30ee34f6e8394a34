using System.Text.Json;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// The directory read by plain SQL (<see cref="DirectoryLoader"/>) against the same profiles read through the EF model,
/// on the database the suite runs on: each column's store representation (enums as names, SQLite's dates as numbers
/// and lists as JSON, PostgreSQL's arrays) comes back as the model has it, drafts are left out, the entries are in
/// name order (searches walk them so), and reading in parts changes nothing.
/// </summary>
public sealed class DirectoryLoaderTests
{
    [Fact]
    public async Task Every_published_profile_is_read_as_the_model_holds_it()
    {
        await using var app = new SamplesFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
        var draft = await db.ClusterOrganisations.OrderBy(p => p.Id).Skip(3).FirstAsync();
        draft.Status = ProfileStatus.Draft;
        await db.SaveChangesAsync();
        var expected = await ThroughTheModelAsync(db);
        var loader = new DirectoryLoader(app.Services.GetRequiredService<IServiceScopeFactory>());

        // The columns compared are not all empty: labels, places, cooperation, dates and terms are there to be read.
        Assert.Contains(expected, e => e.Label is not null);
        Assert.Contains(expected, e => e.Latitude is not null && e.LocationPrecision is not null);
        Assert.Contains(expected, e => e.CooperationCountries.Length > 1);
        Assert.Contains(expected, e => e.EstablishedYear is not null && e.PublishedAt is not null && e.TotalMembers is not null);
        Assert.Contains(expected, e => e.TermIds.Length > 3);
        Assert.DoesNotContain(expected, e => e.Id == draft.Id);

        var inNameOrder = expected.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id).ToList();
        foreach (var parts in new[] { 1, 3 })
        {
            var entries = await loader.LoadAllAsync(db, parts, CancellationToken.None);
            Assert.Equal(Json(inNameOrder), Json(entries.Select(e => e.ToData())));
            Assert.Equal(Enumerable.Range(0, entries.Count), entries.ByName);
        }
        // A refresh's reading of the changed profiles: the published among them, the draft and an unknown id left out.
        var some = expected.Where((_, i) => i % 7 == 0).Select(e => e.Id).Append(draft.Id).Append(int.MaxValue).ToList();
        Assert.Equal(Json(expected.Where(e => some.Contains(e.Id))), Json((await loader.LoadAsync(db, some, CancellationToken.None)).OrderBy(e => e.Id)));
    }

    [Fact]
    public async Task A_refresh_after_edits_keeps_the_entries_in_name_order()
    {
        await using var app = new SamplesFactory();
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        var before = await index.CurrentAsync(CancellationToken.None);
        string? oldAcronym;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
            var profiles = await db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published).OrderBy(p => p.Id).Take(3).ToListAsync();
            // To the start, to the end and to the middle of the name order.
            (profiles[0].Name, profiles[1].Name, profiles[2].Name) = ("Aaa First Renamed", "Zzz Last Renamed", "Mmm Middle Renamed");
            oldAcronym = profiles[0].Acronym = "QQQOLDACRONYM";
            foreach (var profile in profiles)
            {
                profile.UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(1);
            }
            await db.SaveChangesAsync();
        }
        index.MarkStale();

        var after = await index.CurrentAsync(CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.Equal(before.Entries.Count, after.Entries.Count);
        Assert.Contains(after.Entries, e => e.Name == "Mmm Middle Renamed");
        Assert.Equal(Enumerable.Range(0, after.Entries.Count), after.Entries.ByName);
        Assert.Equal([.. after.Entries.Select(e => e.Name).Order(StringComparer.OrdinalIgnoreCase)], after.Entries.Select(e => e.Name));
        Assert.Contains(after.Entries, e => e.Acronym == oldAcronym);

        // An acronym changed again: the old one, which no entry has any more, is not kept in the strings.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Acronym == oldAcronym);
            profile.Acronym = "QQQNEWACRONYM";
            profile.UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(2);
            await db.SaveChangesAsync();
        }
        index.MarkStale();
        var last = await index.CurrentAsync(CancellationToken.None);
        Assert.Contains(last.Entries, e => e.Acronym == "QQQNEWACRONYM");
        Assert.DoesNotContain(oldAcronym, last.Entries.Strings);
        Assert.Contains("QQQNEWACRONYM", last.Entries.Strings);
    }

    [Fact]
    public async Task A_write_that_commits_after_a_later_stamped_one_is_still_seen()
    {
        await using var app = new SamplesFactory();
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        await index.CurrentAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
        var last = await db.ClusterOrganisations.MaxAsync(p => p.UpdatedAt);
        var ids = await db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();

        // Two writes stamped in one order and committed in the other (as two requests, or two instances, can):
        // the later-stamped one is read first.
        await RenameAsync(ids[0], "Stamped Second Committed First", last.AddSeconds(2));
        index.MarkStale();
        Assert.Contains((await index.CurrentAsync(CancellationToken.None)).Entries, e => e.Name == "Stamped Second Committed First");
        // The other one's page, cached meanwhile.
        var slug = await db.ClusterOrganisations.Where(p => p.Id == ids[1]).Select(p => p.Slug).SingleAsync();
        await using var pageScope = app.Services.CreateAsyncScope();
        Assert.NotNull(await pageScope.ServiceProvider.GetRequiredService<ProfileQueries>().FindPublishedAsync(slug, CancellationToken.None));
        await RenameAsync(ids[1], "Stamped First Committed Second", last.AddSeconds(1));
        index.ChangedElsewhere(vocabularies: false);
        var after = await index.CurrentAsync(CancellationToken.None);

        Assert.Contains(after.Entries, e => e.Id == ids[1] && e.Name == "Stamped First Committed Second");
        // Its page too: cached pages belong to one directory, not to its last change time (which this write left as it was).
        await using (var laterScope = app.Services.CreateAsyncScope())
        {
            var view = await laterScope.ServiceProvider.GetRequiredService<ProfileQueries>().FindPublishedAsync(slug, CancellationToken.None);
            Assert.Equal("Stamped First Committed Second", view?.Profile.Name);
        }
        // Nothing written since: the directory is kept as it is, not built again.
        index.MarkStale();
        Assert.Same(after, await index.CurrentAsync(CancellationToken.None));

        Task RenameAsync(int id, string name, DateTimeOffset at) =>
            db.ClusterOrganisations.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, name).SetProperty(p => p.UpdatedAt, at));
    }

    [Fact]
    public async Task SQLites_term_rows_are_read_once_another_connection_lets_go_of_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("term-rows");
        try
        {
            // A database of its own, in SQLite's default journal mode: a writer's exclusive lock keeps readers out.
            var connectionString = $"Data Source={Path.Combine(folder.FullName, "terms.db")};Pooling=False;Default Timeout=30";
            await using var holder = new SqliteConnection(connectionString);
            await holder.OpenAsync();
            await using (var command = holder.CreateCommand())
            {
                command.CommandText = "CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER); INSERT INTO t VALUES (1, 10, 0), (1, 11, 1), (2, 12, 0); BEGIN EXCLUSIVE;";
                await command.ExecuteNonQueryAsync();
            }
            await using var reader = new SqliteConnection(connectionString);
            await reader.OpenAsync();
            var rows = new TermRows();
            var reading = Task.Run(() => DirectoryLoader.ReadTermRows(reader, "SELECT a, b, c FROM t", rows, CancellationToken.None));
            await Task.Delay(1000);
            Assert.False(reading.IsCompleted, $"the read did not wait: {reading.Status} {reading.Exception?.InnerException?.Message}");

            await using (var command = holder.CreateCommand())
            {
                command.CommandText = "COMMIT;";
                await command.ExecuteNonQueryAsync();
            }
            await reading;
            Assert.Equal([10, 11], rows.Group().Of(1));
            Assert.Equal([12], rows.Group().Of(2));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>What the directory keeps of each published profile, by its definition, read through EF.</summary>
    private static async Task<List<DirectoryEntryData>> ThroughTheModelAsync(ClusterAtlasDbContext db)
    {
        var profiles = await db.ClusterOrganisations.AsNoTracking().Where(p => p.Status == ProfileStatus.Published).OrderBy(p => p.Id).ToListAsync();
        var terms = (await db.Set<ProfileTerm>().AsNoTracking().ToListAsync()).ToLookup(t => t.ClusterOrganisationId);
        return [.. profiles.Select(p =>
        {
            var words = SearchText.Words(SearchDocument.Fold(p.Name + " " + p.Acronym)).ToArray();
            return new DirectoryEntryData
            {
                Id = p.Id,
                Slug = p.Slug,
                Name = p.Name,
                Acronym = p.Acronym,
                CountryCode = p.CountryCode,
                Region = string.IsNullOrWhiteSpace(p.RegionName) ? null : p.RegionName.Trim(),
                Label = p.ExcellenceLabel,
                TotalMembers = p.TotalMembers,
                PublishedAt = p.PublishedAt?.ToUniversalTime(),
                IsSampleData = p.IsSampleData,
                RelyOnContactRequests = p.RelyOnContactRequests,
                NameWords = words,
                NameStems = [.. words.Select(SearchText.StemOf)],
                TermIds = [.. terms[p.Id].OrderBy(t => t.SortOrder).ThenBy(t => t.VocabularyTermId).Select(t => t.VocabularyTermId).Distinct()],
                CooperationCountries = [.. p.CountriesInEurope.Concat(p.CountriesOutsideEurope).Distinct()],
                Latitude = p.Latitude,
                Longitude = p.Longitude,
                LocationPrecision = p.LocationPrecision,
                EstablishedYear = p.EstablishedOn?.Year,
                SmeMembers = p.SmeMembers,
                StartupMembers = p.StartupMembers,
                LargeCompanyMembers = p.LargeCompanyMembers,
                ResearchOrganisationMembers = p.ResearchOrganisationMembers,
                OtherEcosystemActors = p.OtherEcosystemActors,
            };
        })];
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Json(IEnumerable<DirectoryEntryData> entries) => JsonSerializer.Serialize(entries.ToList(), Indented);

    private sealed class SamplesFactory : ClusterAtlasFactory
    {
        protected override int DemoSampleProfiles => 40;
    }
}
