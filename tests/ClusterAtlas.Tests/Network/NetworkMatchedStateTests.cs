using ClusterAtlas.Network;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// What the network has matched is kept in the database, profile by profile: a profile written without matching (here,
/// straight into the database) is matched at the index's next look, alone; a restarted index matches nothing again. A
/// match of a profile is seen by a link no matching would make: it goes; one left on a profile not matched stays.
/// </summary>
public sealed class NetworkMatchedStateTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_profile_written_without_matching_is_matched_alone_at_the_next_look_and_a_restart_matches_nothing_again()
    {
        var network = app.Services.GetRequiredService<NetworkIndex>();
        await network.CurrentAsync(CancellationToken.None, fresh: true);
        var named = await AddAsync($"Lantern Quay Cluster {Guid.NewGuid():N}"[..30], null);
        var bystander = await AddAsync($"Quiet Orchard Cluster {Guid.NewGuid():N}"[..30], null);
        var stating = await AddAsync("Harbour Stating Cluster", await NameOfAsync(named));

        // Written outside the write path: unmatched in the database until the index looks.
        Assert.Equal(3, (await UnmatchedAsync()).Intersect([named, bystander, stating]).Count());
        await network.CurrentAsync(CancellationToken.None, fresh: true);
        Assert.Empty(await UnmatchedAsync());
        Assert.Contains(await LinksOfAsync(stating), l => l.PartnerProfileId == named && l.State == LinkState.Sure);

        // A link no matching makes, on the bystander (matched): another profile's change leaves it, a restart too.
        await AddStrayLinkAsync(bystander, named);
        await TouchAsync(stating);
        await network.CurrentAsync(CancellationToken.None, fresh: true);
        Assert.Empty(await UnmatchedAsync());
        await ActivatorUtilities.CreateInstance<NetworkIndex>(app.Services).CurrentAsync(CancellationToken.None);
        Assert.Single(await LinksOfAsync(bystander));

        // Changed outside the platform, the bystander is matched at the next look: the stray link goes.
        await TouchAsync(bystander);
        await network.CurrentAsync(CancellationToken.None, fresh: true);
        Assert.Empty(await LinksOfAsync(bystander));
        Assert.Contains(await LinksOfAsync(stating), l => l.PartnerProfileId == named);
    }

    [Fact]
    public async Task Removing_the_sample_profiles_matches_again_the_texts_that_named_one_of_them_and_another()
    {
        await using var own = new ClusterAtlasFactory();
        var network = own.Services.GetRequiredService<NetworkIndex>();
        var name = $"Twin Harbour Cluster {Guid.NewGuid():N}"[..29];
        var real = await AddAsync(own, name, null);
        var sample = await AddAsync(own, name, null, sampleData: true);
        var stating = await AddAsync(own, "Harbour Stating Cluster", name);
        await network.CurrentAsync(CancellationToken.None, fresh: true);
        // Two profiles of that name: each only proposed.
        Assert.Equal([(real, LinkState.Proposed), (sample, LinkState.Proposed)],
            (await LinksOfAsync(own, stating)).Select(l => (l.PartnerProfileId, l.State)).Order());

        using (var scope = own.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ClusterAtlas.ImportExport.DemoDataGenerator>().RemoveAllAsync(CancellationToken.None);
        }

        // The sample gone, the text names one profile: sure.
        Assert.Equal([(real, LinkState.Sure)], (await LinksOfAsync(own, stating)).Select(l => (l.PartnerProfileId, l.State)));
    }

    private Task<int> AddAsync(string name, string? partner) => AddAsync(app, name, partner);

    private static Task<int> AddAsync(ClusterAtlasFactory factory, string name, string? partner, bool sampleData = false) => factory.WithDbAsync(async db =>
    {
        var profile = new ClusterOrganisation
        {
            Slug = $"matched-state-{Guid.NewGuid():N}", Name = name, CountryCode = "DE", Status = ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
            IsSampleData = sampleData,
        };
        if (partner is not null)
        {
            profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = partner, CountryCode = "DE" });
        }
        db.ClusterOrganisations.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    private Task<string> NameOfAsync(int id) => app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == id).Select(p => p.Name).SingleAsync());

    /// <summary>A save outside the write path: the profile's change time moves, its match time stays.</summary>
    private Task<int> TouchAsync(int id) => app.WithDbAsync(async db =>
    {
        var profile = await db.ClusterOrganisations.SingleAsync(p => p.Id == id);
        profile.RelyOnContactRequests = !profile.RelyOnContactRequests;
        return await db.SaveChangesAsync();
    });

    private Task<int> AddStrayLinkAsync(int profileId, int partnerId) => app.WithDbAsync(async db =>
    {
        db.Add(new NetworkLink
        {
            ProfileId = profileId, PartnerKey = NetworkLink.PartnerKeyOf("Never Stated Partner Cluster", "DE"), PartnerName = "Never Stated Partner Cluster",
            PartnerProfileId = partnerId, Score = 1, State = LinkState.Sure, UpdatedAt = DateTimeOffset.UtcNow,
        });
        return await db.SaveChangesAsync();
    });

    private Task<List<int>> UnmatchedAsync() => app.WithDbAsync(async db =>
        (await ActivatorUtilities.CreateInstance<NetworkLinker>(app.Services, db).UnmatchedAsync(int.MaxValue, CancellationToken.None)).Select(v => v.Id).ToList());

    private Task<List<NetworkLink>> LinksOfAsync(int profileId) => LinksOfAsync(app, profileId);

    private static Task<List<NetworkLink>> LinksOfAsync(ClusterAtlasFactory factory, int profileId) =>
        factory.WithDbAsync(db => db.Set<NetworkLink>().AsNoTracking().Where(l => l.ProfileId == profileId).ToListAsync());
}
