using System.Text.Json.Nodes;
using ClusterAtlas.Network;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// Matching one profile's change through the term index (<see cref="NetworkTerms"/>) reads only the profiles and
/// statements that share a term with it; the links it leaves are checked against a whole match of every statement
/// against every profile, after edits of every kind made through the write path, changes made outside the platform
/// (whose terms are then stale), and with a word shared by more profiles than the matcher looks up by a word.
/// </summary>
public sealed class NetworkTermIndexTests
{
    private static readonly string[] Words =
    [
        "Lantern", "Quay", "Harbour", "Harbor", "Orchard", "Metal", "Metals", "Textile", "Smart", "Wood", "Wod", "Niš",
        "Nis", "Agri", "Food", "Energy", "Mobility", "Mobilty", "Valley", "Delta", "Cluster", "Network", "of", "the",
    ];

    private static readonly string[] Acronyms = ["LQC", "HOC", "SMT", "NiCAT", "WTC", "AB"];
    private static readonly string[] Countries = ["RS", "SI", "DE", "HR"];

    [Fact]
    public async Task Edits_and_outside_changes_leave_the_links_a_whole_match_makes()
    {
        await using var app = new WithoutTermsInBackground();
        var random = new Random(20261206);
        var ids = new List<int>();
        for (var i = 0; i < 36; i++)
        {
            ids.Add(await AddAsync(app, NameOf(random), random.Next(3) == 0 ? Pick(random, Acronyms) : null, Pick(random, Countries), []));
        }
        // Each profile states a few of the others as people write them, and now and then a cluster not on the platform.
        var names = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => ids.Contains(p.Id)).Select(p => p.Name).ToListAsync());
        foreach (var id in ids)
        {
            var texts = Enumerable.Range(0, random.Next(4)).Select(_ => TextOf(random, names)).ToList();
            await EditAsync(app, id, profile => profile.CollaboratingClusters.AddRange(texts.Select(t => new CollaboratingCluster { Name = t, CountryCode = Pick(random, Countries) })), match: false);
        }
        await app.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        await AssertLinksAreThoseOfAWholeMatchAsync(app, "after the first match");

        for (var step = 0; step < 40; step++)
        {
            var id = Pick(random, ids);
            names = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => ids.Contains(p.Id)).Select(p => p.Name).ToListAsync());
            var other = Pick(random, names);
            var kind = random.Next(8);
            if (kind == 7)
            {
                // Outside the platform: a new name and change time, no matching, no terms. The index's next look matches it.
                var renamed = Variant(random, other);
                await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, renamed).SetProperty(p => p.UpdatedAt, DateTimeOffset.UtcNow)));
                await app.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
            }
            else
            {
                await EditAsync(app, id, profile =>
                {
                    switch (kind)
                    {
                        case 0: profile.Name = Variant(random, other); break;
                        case 1: profile.Acronym = random.Next(2) == 0 ? null : Pick(random, Acronyms); break;
                        case 2: profile.LocalName = random.Next(2) == 0 ? null : Variant(random, other); break;
                        case 3 when profile.CollaboratingClusters.Count > 0: profile.CollaboratingClusters[0].Name = TextOf(random, names); break;
                        case 4: profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = TextOf(random, names), CountryCode = Pick(random, Countries) }); break;
                        case 5 when profile.CollaboratingClusters.Count > 0: profile.CollaboratingClusters.RemoveAt(0); break;
                        case 6: profile.Status = profile.Status == ProfileStatus.Archived ? ProfileStatus.Published : ProfileStatus.Archived; break;
                        default: profile.CountryCode = Pick(random, Countries); break;
                    }
                }, match: true);
            }
            await AssertLinksAreThoseOfAWholeMatchAsync(app, $"after step {step} ({kind}) on profile {id}");
        }

        // Renamed outside the platform, a profile's stored terms are those of its old name; before the index looks, another
        // profile's edit naming the new name finds it all the same (stale profiles are read whole).
        var (outsider, stating) = (ids[0], ids[1]);
        await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == outsider)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Zephyr Yonder Xylem").SetProperty(p => p.Status, ProfileStatus.Published).SetProperty(p => p.UpdatedAt, DateTimeOffset.UtcNow)));
        await EditAsync(app, stating, profile => profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = "Zephyr Yonder Xylem" }), match: true);
        Assert.Contains(await app.WithDbAsync(db => db.Set<NetworkLink>().Where(l => l.ProfileId == stating).ToListAsync()),
            l => l.PartnerProfileId == outsider && l.State == LinkState.Sure);
        // The other way round: a statement saved without matching (its terms stale) names a profile renamed afterwards.
        var (unmatched, nowNamed) = (ids[2], ids[3]);
        await EditAsync(app, unmatched, profile => profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = "Yarrow Delta Harbour" }), match: false);
        await EditAsync(app, nowNamed, profile => (profile.Name, profile.Status) = ("Yarrow Delta Harbour", ProfileStatus.Published), match: true);
        Assert.Contains(await app.WithDbAsync(db => db.Set<NetworkLink>().Where(l => l.ProfileId == unmatched).ToListAsync()),
            l => l.PartnerProfileId == nowNamed && l.State == LinkState.Sure);
        await app.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        await AssertLinksAreThoseOfAWholeMatchAsync(app, "after changes outside the write path and the index's look");
    }

    [Fact]
    public async Task A_word_of_more_profiles_than_the_matcher_looks_up_by_is_left_out_as_a_whole_match_leaves_it()
    {
        await using var app = new WithoutTermsInBackground();
        // 2,001 profiles named with "Quarry" (each with a word of its own): the matcher never looks profiles up by it.
        var quarries = await app.WithDbAsync(async db =>
        {
            var profiles = Enumerable.Range(0, PartnerMatcher.MaxProfilesPerWord + 1).Select(i => new ClusterOrganisation
            {
                Slug = $"quarry-{i}-{Guid.NewGuid():N}", Name = $"Quarry Q{i}x Works", CountryCode = "DE", Status = ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
            }).ToList();
            db.ClusterOrganisations.AddRange(profiles);
            await db.SaveChangesAsync();
            return profiles.Select(p => p.Id).ToList();
        });
        // Some profiles' terms are in the index, the others' are stale: both count.
        await app.WithServiceAsync<NetworkTerms, int>(terms => terms.MakeAsync(quarries[..1500], CancellationToken.None));
        var lantern = await AddAsync(app, "Quarry Lantern Cluster", null, "DE", []);
        await EditAsync(app, lantern, _ => { }, match: true);
        // "Lantern Quay Works" finds the lantern profile by a word of its own; "Quarry Lanterns" shares only the common word with it.
        var stating = await AddAsync(app, "Stating Orchard Cluster", null, "DE", []);
        await EditAsync(app, stating, profile =>
        {
            profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = "Quarry Lanterns", CountryCode = "DE" });
            profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = "Lantern Quay Works", CountryCode = "DE" });
        }, match: true);
        await AssertLinksAreThoseOfAWholeMatchAsync(app, "after the statements");
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Set<NetworkLink>().Where(l => l.ProfileId == stating).Select(l => l.PartnerName).ToListAsync()), n => n == "Quarry Lanterns");
    }

    [Fact]
    public async Task A_write_that_takes_a_word_across_the_limit_has_every_statement_with_it_matched_again()
    {
        await using var app = new WithoutTermsInBackground();
        // 1,999 profiles named with "Quarry", and one more below: 2,000, the most the matcher still looks a word up in.
        var quarries = await app.WithDbAsync(async db =>
        {
            var profiles = Enumerable.Range(0, PartnerMatcher.MaxProfilesPerWord - 1).Select(i => new ClusterOrganisation
            {
                Slug = $"quarry-{i}-{Guid.NewGuid():N}", Name = $"Quarry Q{i}x Works", CountryCode = "DE", Status = ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
            }).ToList();
            db.ClusterOrganisations.AddRange(profiles);
            await db.SaveChangesAsync();
            return profiles.Select(p => p.Id).ToList();
        });
        await app.WithServiceAsync<NetworkTerms, int>(terms => terms.MakeAsync(quarries, CancellationToken.None));
        var lantern = await AddAsync(app, "Quarry Lantern Cluster", null, "DE", []);
        await EditAsync(app, lantern, _ => { }, match: true);
        // "Quarry Lanterns" shares only "quarry" with the lantern profile: found by it while it is looked up.
        var stating = await AddAsync(app, "Stating Orchard Cluster", null, "DE", []);
        await EditAsync(app, stating, profile => profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = "Quarry Lanterns", CountryCode = "DE" }), match: true);
        Task<List<int>> LinkedAsync() => app.WithDbAsync(db => db.Set<NetworkLink>().Where(l => l.ProfileId == stating).Select(l => l.PartnerProfileId).ToListAsync());
        await AssertLinksAreThoseOfAWholeMatchAsync(app, "with 2,000 profiles named with the word");
        Assert.Contains(lantern, await LinkedAsync());

        // The 2,001st, through the write path: the statement is outside its scope (it names the new profile by nothing
        // but the word, now too common to look up), yet its answer changed.
        var extra = await AddAsync(app, "Quarry Gravel Works", null, "DE", []);
        await EditAsync(app, extra, _ => { }, match: true);
        await app.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        await AssertLinksAreThoseOfAWholeMatchAsync(app, "after the 2,001st profile with the word");
        Assert.DoesNotContain(lantern, await LinkedAsync());

        // And back under the limit: renamed without the word.
        await EditAsync(app, extra, profile => profile.Name = "Gravel Works", match: true);
        await app.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        await AssertLinksAreThoseOfAWholeMatchAsync(app, "after the word is back to 2,000 profiles");
        Assert.Contains(lantern, await LinkedAsync());
    }

    [Fact]
    public async Task Profiles_written_outside_the_write_path_get_their_terms_in_the_background()
    {
        await using var app = new ClusterAtlasFactory();
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await AddAsync(app, $"Background Indexed Cluster {i}", null, "DE", [new CollaboratingCluster { Name = "Lantern Quay Cluster" }]));
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await app.WithServiceAsync<NetworkTerms, List<int>>(t => t.StaleAsync(int.MaxValue, CancellationToken.None))).Count > 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the background service made no terms within a minute");
            await Task.Delay(200);
        }
        var rows = await app.WithDbAsync(db => db.Set<NetworkTerm>().Where(t => ids.Contains(t.ProfileId)).ToListAsync());
        Assert.All(ids, id => Assert.Contains(rows, t => t.ProfileId == id && t.Kind == NetworkTermKind.Name && t.Term == "w:background"));
        Assert.All(ids, id => Assert.Contains(rows, t => t.ProfileId == id && t.Kind == NetworkTermKind.Statement && t.Term == "w:lantern"));
    }

    [Fact]
    public async Task Writes_that_defer_leave_their_profiles_unmatched_until_one_matching_after_the_last()
    {
        await using var app = new WithoutTermsInBackground();
        var written = new List<int>();
        foreach (var (name, partner) in new[] { ("Orchard Lantern Cluster", "Harbour Quarry Cluster"), ("Harbour Quarry Cluster", "Orchard Lanter Cluster") })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClusterAtlas.Data.ClusterAtlasDbContext>();
            await using var write = await scope.ServiceProvider.GetRequiredService<ProfileWrites>().BeginAsync(CancellationToken.None);
            write.DeferNetworkMatching();
            var profile = new ClusterOrganisation
            {
                Slug = TextFolding.Slug(name), Name = name, CountryCode = "RS", Status = ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
                CollaboratingClusters = [new CollaboratingCluster { Name = partner, CountryCode = "RS" }],
            };
            db.ClusterOrganisations.Add(profile);
            write.Wrote(profile);
            await write.CommitAsync(CancellationToken.None);
            Assert.Equal([profile.Id], write.LeftUnmatched);
            written.Add(profile.Id);
        }
        Task<List<int>> UnmatchedAsync() =>
            app.WithServiceAsync<NetworkLinker, List<int>>(async l => [.. (await l.UnmatchedAsync(100, CancellationToken.None)).Select(u => u.Id)]);
        Task<int> LinksAsync() => app.WithDbAsync(db => db.Set<NetworkLink>().CountAsync(l => written.Contains(l.ProfileId)));

        Assert.Equal(written, (await UnmatchedAsync()).Order());
        Assert.Equal(0, await LinksAsync());

        await app.WithServiceAsync<ProfileWrites, bool>(async writes =>
        {
            await writes.MatchNetworkOfAsync(written, CancellationToken.None);
            return true;
        });

        Assert.Empty(await UnmatchedAsync());
        Assert.Equal(2, await LinksAsync());
        await AssertLinksAreThoseOfAWholeMatchAsync(app, "after one matching of two deferred writes");
    }

    [Fact]
    public async Task An_import_of_many_records_matches_them_together_after_the_last_as_a_whole_match_would()
    {
        await using var app = new WithoutTermsInBackground();
        // Each record states two others of the file, some written further down, some as a near-spelling or by acronym.
        var random = new Random(23);
        var names = Enumerable.Range(0, 14).Select(i => $"{Words[i % Words.Length]} {Words[(i * 7 + 3) % Words.Length]} Import Cluster").ToList();
        var records = names.Select((name, i) => new JsonObject
        {
            ["name"] = name,
            ["acronym"] = i % 4 == 0 ? $"IMP{i}" : null,
            ["countryCode"] = Countries[i % Countries.Length],
            ["collaboratingClusters"] = new JsonArray(
                [.. Enumerable.Range(1, 2).Select(step => (JsonNode)new JsonObject
                {
                    ["name"] = step == 2 && (i + step) % 4 == 0 ? $"IMP{(i + step) % names.Count}" : Variant(random, names[(i + step * 3) % names.Count]),
                    ["countryCode"] = Countries[(i + step * 3) % names.Count % Countries.Length],
                })]),
        }).ToList();

        var run = await ClusterAtlas.Tests.ImportExport.ExportTests.ImportAsync(app,
            ClusterAtlas.Tests.ImportExport.ExportTests.JsonRecords(new JsonArray([.. records]).ToJsonString()),
            ClusterAtlas.Tests.ImportExport.ExportTests.Options());

        Assert.True(run.Written);
        Assert.All(run.Results, r => Assert.Equal(ClusterAtlas.ImportExport.ProfileImportOutcome.Created, r.Outcome));
        Assert.Empty(await app.WithServiceAsync<NetworkLinker, List<NetworkLinker.ProfileVersion>>(l => l.UnmatchedAsync(100, CancellationToken.None)));
        var links = await app.WithDbAsync(db => db.Set<NetworkLink>().CountAsync());
        Assert.True(links >= 14, $"only {links} links: the records should name each other");
        await AssertLinksAreThoseOfAWholeMatchAsync(app, "after an import of 14 records");
    }

    /// <summary>The links stored are exactly those a matcher given every profile makes for every statement (no decisions are taken here).</summary>
    internal static async Task AssertLinksAreThoseOfAWholeMatchAsync(ClusterAtlasFactory app, string when)
    {
        var (expected, actual) = await app.WithDbAsync(async db =>
        {
            var candidates = await db.ClusterOrganisations.AsNoTracking().Where(p => p.Status != ProfileStatus.Archived)
                .Select(p => new MatchCandidate(p.Id, p.Name, p.Acronym, p.LocalName, p.CountryCode)).ToListAsync();
            var matcher = new PartnerMatcher(candidates);
            var statements = (await db.Set<CollaboratingCluster>().AsNoTracking()
                    .Select(c => new { ProfileId = EF.Property<int>(c, "ClusterOrganisationId"), c.Name, c.CountryCode }).ToListAsync())
                .DistinctBy(s => (s.ProfileId, NetworkLink.PartnerKeyOf(s.Name, s.CountryCode)));
            var expected = statements
                .SelectMany(s => matcher.Match(s.Name, s.CountryCode, s.ProfileId)
                    .Select(m => $"{s.ProfileId} \"{NetworkLink.PartnerKeyOf(s.Name, s.CountryCode)}\" -> {m.ProfileId} {(m.Certainty == MatchCertainty.Sure ? LinkState.Sure : LinkState.Proposed)}"))
                .Order(StringComparer.Ordinal).ToList();
            var actual = (await db.Set<NetworkLink>().AsNoTracking().ToListAsync())
                .Select(l => $"{l.ProfileId} \"{l.PartnerKey}\" -> {l.PartnerProfileId} {l.State}")
                .Order(StringComparer.Ordinal).ToList();
            return (expected, actual);
        });
        Assert.True(expected.SequenceEqual(actual),
            $"Links {when}:\nmissing: {string.Join("; ", expected.Except(actual))}\nextra: {string.Join("; ", actual.Except(expected))}");
    }

    private static Task<int> AddAsync(ClusterAtlasFactory app, string name, string? acronym, string country, List<CollaboratingCluster> statements) => app.WithDbAsync(async db =>
    {
        var profile = new ClusterOrganisation
        {
            Slug = $"term-index-{Guid.NewGuid():N}", Name = name, Acronym = acronym, CountryCode = country, Status = ProfileStatus.Published,
            PublishedAt = DateTimeOffset.UtcNow, CollaboratingClusters = statements,
        };
        db.ClusterOrganisations.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    /// <summary>A change and its matching in one transaction, as the write path makes them; or the change alone.</summary>
    private static async Task EditAsync(ClusterAtlasFactory app, int id, Action<ClusterOrganisation> change, bool match)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlas.Data.ClusterAtlasDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var profile = await db.ClusterOrganisations.Include(p => p.CollaboratingClusters.OrderBy(c => c.SortOrder)).SingleAsync(p => p.Id == id);
        change(profile);
        profile.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        if (match)
        {
            await scope.ServiceProvider.GetRequiredService<NetworkLinker>().UpdateForAsync([id], CancellationToken.None);
        }
        await transaction.CommitAsync();
    }

    private static string NameOf(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, Words))) + (random.Next(4) == 0 ? $" ({Pick(random, Acronyms)})" : " Cluster");

    /// <summary>A name as another profile may write it: as it is, a letter dropped, its acronym alone, or another name.</summary>
    private static string Variant(Random random, string name) => random.Next(5) switch
    {
        0 or 1 => name,
        2 when name.Length > 4 => name.Remove(random.Next(name.Length), 1),
        3 => name.Split(' ')[0] + " " + Pick(random, Words),
        _ => NameOf(random),
    };

    private static string TextOf(Random random, List<string> names) => random.Next(6) == 0 ? Pick(random, Acronyms) : Variant(random, Pick(random, names));

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>A host whose stale profiles stay stale until a match makes their terms: the cases read whole are then read whole.</summary>
    private sealed class WithoutTermsInBackground : ClusterAtlasFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var service in services.Where(s => s.ImplementationType == typeof(NetworkTermsService)).ToList())
                {
                    services.Remove(service);
                }
            });
        }
    }
}
