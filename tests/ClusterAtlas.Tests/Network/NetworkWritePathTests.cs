using ClusterAtlas.Network;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// Matching in the write path: a profile written through <see cref="ProfileWrites"/> has its collaborations linked,
/// and other profiles' texts that could name it are checked again, in the write itself (no page is read here, so the
/// network index never runs its whole re-match). A second profile answering as well turns a sure link into proposals.
/// </summary>
public sealed class NetworkWritePathTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_write_links_what_it_states_and_the_earlier_texts_that_name_it_and_never_guesses_between_two()
    {
        var stating = await AddAsync("Stating Write Cluster");
        await WriteAsync(stating, p => p.CollaboratingClusters.Add(new CollaboratingCluster { Name = "latecomer optics cluster", CountryCode = "DE" }));
        Assert.Empty(await LinksOfAsync(stating));

        // A profile renamed later answers the earlier text: linked in the rename's write.
        var latecomer = await AddAsync("Someone Else Entirely");
        await WriteAsync(latecomer, p => p.Name = "Latecomer Optics Cluster");
        var link = Assert.Single(await LinksOfAsync(stating));
        Assert.Equal((latecomer, LinkState.Sure), (link.PartnerProfileId, link.State));

        // Another profile by the same name: neither is sure any more; both go to the administrators.
        var twin = await AddAsync("Twin To Be");
        await WriteAsync(twin, p => p.Name = "Latecomer Optics Cluster");
        var links = await LinksOfAsync(stating);
        Assert.Equal([latecomer, twin], links.Select(l => l.PartnerProfileId).Order());
        Assert.All(links, l => Assert.Equal(LinkState.Proposed, l.State));

        // The profile's own write: a new text naming an existing profile links, the texts it no longer states go.
        var anchor = await AddAsync("Anchor Steel Cluster");
        await WriteAsync(stating, p =>
        {
            p.CollaboratingClusters.Clear();
            p.CollaboratingClusters.Add(new CollaboratingCluster { Name = "anchor steel cluster", CountryCode = "DE" });
        });
        link = Assert.Single(await LinksOfAsync(stating));
        Assert.Equal((anchor, LinkState.Sure), (link.PartnerProfileId, link.State));
    }

    private Task<int> AddAsync(string name) => app.WithDbAsync(async db =>
    {
        var profile = new ClusterOrganisation
        {
            Slug = $"write-path-{Guid.NewGuid():N}", Name = name, CountryCode = "DE", Status = ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
        };
        db.ClusterOrganisations.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    private async Task WriteAsync(int profileId, Action<ClusterOrganisation> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlas.Data.ClusterAtlasDbContext>();
        await using var write = await scope.ServiceProvider.GetRequiredService<ProfileWrites>().BeginAsync(CancellationToken.None);
        var profile = await db.ClusterOrganisations.Include(p => p.CollaboratingClusters).SingleAsync(p => p.Id == profileId);
        change(profile);
        write.Wrote(profile);
        await write.CommitAsync(CancellationToken.None);
    }

    private Task<List<NetworkLink>> LinksOfAsync(int profileId) =>
        app.WithDbAsync(db => db.Set<NetworkLink>().AsNoTracking().Where(l => l.ProfileId == profileId).ToListAsync());
}
