using ClusterAtlas.Caching;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// After a write, readers wait for the directory's refresh only so long (a million profiles' takes seconds): then they
/// are answered from the directory as it was, and that answer is not kept for the readers after the refresh; a profile
/// page reads the database meanwhile.
/// </summary>
public sealed class DirectoryRefreshTests(DirectoryRefreshTests.HeldDirectoryFactory app) : IClassFixture<DirectoryRefreshTests.HeldDirectoryFactory>
{
    private const string Listing = "/cluster-organisations?country=RS";
    private const string Seed = "/cluster-organisations/vojvodina-metal-cluster";

    [Fact]
    public async Task A_search_during_a_slow_refresh_answers_from_the_directory_as_it_was_and_that_answer_is_not_kept()
    {
        using var client = app.CreateClient();
        Assert.Contains("Vojvodina Metal Cluster", await client.GetStringAsync(new Uri(Listing, UriKind.Relative)), StringComparison.Ordinal);
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        // The start's own readers of the directory (the network's first build) done, and every refresh from the write on held.
        await app.Services.GetRequiredService<ClusterAtlas.Network.NetworkIndex>().StartBuilding();
        var before = await index.CurrentAsync(CancellationToken.None);
        app.Open.Reset();

        var renamed = "Vojvodina Metalworks " + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == "vojvodina-metal-cluster");
            profile.Name = renamed;
            profile.UpdatedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        try
        {
            index.MarkStale();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var during = await client.GetStringAsync(new Uri(Listing, UriKind.Relative));
            // A reader waits a second (DirectoryIndex.ReaderWait); the rest is a busy machine's margin.
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(8), $"the search waited {started.Elapsed} for the refresh");
            Assert.Contains("Vojvodina Metal Cluster", during, StringComparison.Ordinal);
            Assert.DoesNotContain(renamed, during, StringComparison.Ordinal);
            var (shown, behind) = await index.CurrentOrPreviousAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            Assert.True(behind);
            Assert.Same(before, shown);

            // The profile's own page is read from the database meanwhile: its editor sees the save.
            Assert.Contains(renamed, await client.GetStringAsync(new Uri(Seed, UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            app.Open.Set();
        }

        await index.CurrentAsync(CancellationToken.None);
        using var after = await client.GetAsync(new Uri(Listing, UriKind.Relative));
        var body = await after.Content.ReadAsStringAsync();
        var names = string.Join(", ", (await index.CurrentAsync(CancellationToken.None)).Entries.Select(e => e.Name));
        Assert.True(body.Contains(renamed, StringComparison.Ordinal), $"after the refresh, the listing (age {after.Headers.Age}) lacks {renamed}; the directory has {names}");
        Assert.False((await index.CurrentOrPreviousAsync(TimeSpan.Zero, CancellationToken.None)).Behind);
    }

    /// <summary>A host whose directory makes its database scopes only while <see cref="Open"/> is set: what a refresh begins with.</summary>
    public sealed class HeldDirectoryFactory : ClusterAtlasFactory
    {
        public ManualResetEventSlim Open { get; } = new(initialState: true);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(provider => new DirectoryIndex(
                new HeldScopes(provider.GetRequiredService<IServiceScopeFactory>(), Open), provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<CacheEviction>(), provider.GetRequiredService<IOptions<ClusterAtlasOptions>>(),
                provider.GetRequiredService<ILogger<DirectoryIndex>>())));
        }

        public override async ValueTask DisposeAsync()
        {
            Open.Set();
            await base.DisposeAsync();
            Open.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    private sealed class HeldScopes(IServiceScopeFactory scopes, ManualResetEventSlim open) : IServiceScopeFactory
    {
        public IServiceScope CreateScope()
        {
            open.Wait();
            return scopes.CreateScope();
        }
    }
}
