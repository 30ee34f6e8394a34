using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterAtlas.ImportExport;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>
/// A new installation shows the product: the demo profile and about 200 sample profiles, each marked as sample data;
/// `demo-data --remove` takes the sample profiles away and nothing else. The tests that only look share one first start
/// (each first start generates the sample profiles anew); the removal has one of its own.
/// </summary>
public sealed class FirstRunTests(FirstRunFactory app) : IClassFixture<FirstRunFactory>
{
    private static async Task<JsonElement> SearchAsync(FirstRunFactory host, string query)
    {
        using var client = host.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/cluster-organisations" + query, UriKind.Relative));
    }

    private Task<JsonElement> SearchAsync(string query) => SearchAsync(app, query);

    /// <summary>What the profiles that are not sample data hold: their content token, revisions, administrators and terms.</summary>
    private static Task<string> RealProfilesAsync(FirstRunFactory host) => host.WithDbAsync(async db =>
    {
        var rows = await db.ClusterOrganisations.Where(p => !p.IsSampleData).OrderBy(p => p.Id)
            .Select(p => $"{p.Slug}:{p.ConcurrencyToken}:{p.Terms.Count}:{p.Administrators.Count}:{p.ManagementTeam.Count}")
            .ToListAsync();
        return string.Join("\n", rows) + $"\nrevisions {await db.ProfileRevisions.CountAsync()}";
    });

    [Fact]
    public async Task The_first_start_loads_the_demo_profile_and_sample_profiles_marked_as_such()
    {
        var all = await SearchAsync("?pageSize=100");
        Assert.Equal(FirstRunFactory.SampleProfiles + 1, all.GetProperty("total").GetInt32());

        var counts = await app.WithDbAsync(async db => (
            Samples: await db.ClusterOrganisations.CountAsync(p => p.IsSampleData && p.Status == ProfileStatus.Published),
            Real: await db.ClusterOrganisations.Where(p => !p.IsSampleData).Select(p => p.Slug).ToListAsync()));
        Assert.Equal(FirstRunFactory.SampleProfiles, counts.Samples);
        Assert.Equal(["vojvodina-metal-cluster"], counts.Real);

        // Facets have something to show: many countries and sectors.
        var countries = all.GetProperty("facets").GetProperty("country").GetArrayLength();
        Assert.True(countries >= 10, $"only {countries} countries among the first run's profiles");

        // Every page that shows a sample profile says so.
        var sample = all.GetProperty("items").EnumerateArray().First(i => i.GetProperty("sampleData").GetBoolean());
        using var browser = app.CreateClient();
        var profilePage = await browser.GetStringAsync(new Uri("/cluster-organisations/" + sample.GetProperty("slug").GetString(), UriKind.Relative));
        Assert.Contains("sample data", profilePage, StringComparison.OrdinalIgnoreCase);
        var directoryPage = await browser.GetStringAsync(new Uri("/cluster-organisations?q=" + Uri.EscapeDataString(sample.GetProperty("name").GetString()!), UriKind.Relative));
        Assert.Contains("sample data", directoryPage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_first_start_shows_open_partner_searches_of_sample_profiles_that_say_they_are_samples()
    {
        var postings = await app.WithDbAsync(db => db.Set<PartnerSearchPosting>()
            .Select(p => new { p.Status, p.Profile.IsSampleData, p.Text, Terms = p.Terms.Count }).ToListAsync());
        Assert.InRange(postings.Count, 10, 20);
        Assert.All(postings, p =>
        {
            Assert.Equal(PostingStatus.Open, p.Status);
            Assert.True(p.IsSampleData);
            Assert.Contains("Sample data", p.Text, StringComparison.Ordinal);
            Assert.True(p.Terms > 0);
        });
        using var browser = app.CreateClient();
        var list = await browser.GetStringAsync(new Uri("/partner-search", UriKind.Relative));
        Assert.Contains($"{postings.Count} open partner searches", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metal")]
    [InlineData("vojvodina")]
    [InlineData("metal cluster")]
    public async Task Among_the_sample_profiles_the_one_named_by_the_search_comes_first(string query)
    {
        var result = await SearchAsync("?q=" + Uri.EscapeDataString(query));
        Assert.Equal("vojvodina-metal-cluster", result.GetProperty("items")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Removing_the_sample_data_deletes_every_sample_profile_and_nothing_else()
    {
        // A first start of its own: the other tests look at the shared one's sample profiles.
        await using var removing = new FirstRunFactory();
        using var member = await removing.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var memberSlug = await ProfileScenarios.RegisterProfileAsync(member, "Backa Wood Cluster");
        var before = await RealProfilesAsync(removing);

        var deleted = await removing.WithServiceAsync<DemoDataGenerator, int>(generator => generator.RemoveAllAsync(CancellationToken.None));

        Assert.Equal(FirstRunFactory.SampleProfiles, deleted);
        var left = await removing.WithDbAsync(db => db.ClusterOrganisations.OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync());
        Assert.Equal([memberSlug, "vojvodina-metal-cluster"], left);
        Assert.Equal(0, await removing.WithDbAsync(db => db.Set<PartnerSearchPosting>().CountAsync()));
        // The directory and its text index forget them at once.
        var all = await SearchAsync(removing, "");
        Assert.Equal(1, all.GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync(removing, "?q=cluster&pageSize=100")).GetProperty("items").EnumerateArray().Count(i => i.GetProperty("sampleData").GetBoolean()));
        using var client = removing.CreateClient();
        using var profile = await client.GetAsync(new Uri("/cluster-organisations/vojvodina-metal-cluster", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(before, await RealProfilesAsync(removing));

        // A second removal finds nothing to remove.
        Assert.Equal(0, await removing.WithServiceAsync<DemoDataGenerator, int>(generator => generator.RemoveAllAsync(CancellationToken.None)));
    }
}
