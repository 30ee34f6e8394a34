using ClusterAtlas.Data;
using ClusterAtlas.Network;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// The network index keeps the state it last matched in the data folder: a start that finds the database as it was
/// matched does not match every collaboration again (minutes at 100,000 profiles); without the file, or with one it
/// cannot read, it does. A whole re-match is seen by a link no matching would make: it goes.
/// </summary>
public sealed class NetworkMatchedStateTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_start_on_the_matched_state_keeps_the_links_and_one_without_it_matches_again()
    {
        var stating = await AddAsync("Quiet Harbour Stating Cluster", "Nowhere Known Partner Cluster");
        var other = await AddAsync("Unrelated Lantern Cluster", null);
        await app.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        var stateFile = Path.Combine(Path.GetFullPath(app.Services.GetRequiredService<IOptions<ClusterAtlasOptions>>().Value.DataDirectory), NetworkIndex.MatchedStateFile);
        Assert.True(File.Exists(stateFile), "the matched state is kept");

        // A link no matching makes, written beside the profiles (which stay as they were).
        await app.WithDbAsync(async db =>
        {
            db.Add(new NetworkLink
            {
                ProfileId = stating, PartnerKey = NetworkLink.PartnerKeyOf("Nowhere Known Partner Cluster", "DE"), PartnerName = "Nowhere Known Partner Cluster",
                PartnerProfileId = other, Score = 1, State = LinkState.Sure, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        await RestartedIndexReadsAsync();
        Assert.Single(await LinksOfAsync(stating));

        await File.WriteAllTextAsync(stateFile, "not a state");
        await RestartedIndexReadsAsync();
        Assert.Empty(await LinksOfAsync(stating));
        Assert.NotEqual("not a state", await File.ReadAllTextAsync(stateFile));
    }

    /// <summary>A new index on the same data folder and database: what a restarted instance has.</summary>
    private async Task RestartedIndexReadsAsync()
    {
        using var index = ActivatorUtilities.CreateInstance<NetworkIndex>(app.Services);
        await index.CurrentAsync(CancellationToken.None);
    }

    private Task<int> AddAsync(string name, string? partner) => app.WithDbAsync(async db =>
    {
        var profile = new ClusterOrganisation
        {
            Slug = $"matched-state-{Guid.NewGuid():N}", Name = name, CountryCode = "DE", Status = ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
        };
        if (partner is not null)
        {
            profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = partner, CountryCode = "DE" });
        }
        db.ClusterOrganisations.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    private Task<List<NetworkLink>> LinksOfAsync(int profileId) =>
        app.WithDbAsync(db => db.Set<NetworkLink>().AsNoTracking().Where(l => l.ProfileId == profileId).ToListAsync());
}
