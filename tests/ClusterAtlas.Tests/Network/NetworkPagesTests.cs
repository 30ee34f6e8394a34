using ClusterAtlas.Network;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Map;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Tests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// A collaboration the seed profile states (its partner "Vojvodina ICT Cluster") links by itself once that profile
/// exists; the other side's misspelt statement is only proposed, its administrator confirms it, and the collaboration
/// then shows as mutual on both profiles and in the network's table. Nobody else may decide for a profile.
/// </summary>
public sealed class NetworkPagesTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Before_the_network_is_built_a_profile_says_it_is_being_prepared_and_starts_building_it()
    {
        // A network index as a start leaves it (the app's own may be built already), its build held at its first step
        // until released (a few profiles' network is built in milliseconds, sooner than a busy machine runs the next line).
        using var gate = new SemaphoreSlim(0);
        var network = new NetworkIndex(new GatedScopes(app.Services.GetRequiredService<IServiceScopeFactory>(), gate), app.Services.GetRequiredService<ClusterAtlas.ClusterDirectory.DirectoryIndex>(), TimeProvider.System,
            app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(), app.Services.GetRequiredService<ILogger<NetworkIndex>>());
        await using var scope = app.Services.CreateAsyncScope();
        var profileId = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == "vojvodina-metal-cluster").Select(p => p.Id).SingleAsync());
        var similar = app.Services.GetRequiredService<SimilarClusters>();

        var preparing = await ProfileNetworkBlock.LoadAsync(profileId, "vojvodina-metal-cluster", false, false, network, similar, scope.ServiceProvider, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.True(preparing.Preparing, "the block waited for the network");
        Assert.Empty(preparing.Similar);
        // That wait found the build slow: the next page does not wait at all.
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.True((await ProfileNetworkBlock.LoadAsync(profileId, "vojvodina-metal-cluster", false, false, network, similar, scope.ServiceProvider, TimeSpan.FromSeconds(30), CancellationToken.None)).Preparing);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"waited {started.Elapsed}");

        // The first block started the build; once it is done, the block is whole.
        gate.Release(int.MaxValue / 2);
        await network.StartBuilding();
        Assert.True(network.IsBuilt);
        var built = await ProfileNetworkBlock.LoadAsync(profileId, "vojvodina-metal-cluster", false, false, network, similar, scope.ServiceProvider, CancellationToken.None);
        Assert.False(built.Preparing);
    }

    [Fact]
    public async Task After_a_write_a_profile_waits_for_the_rebuild_only_so_long_then_shows_the_network_as_it_was_marked_behind()
    {
        // Each refresh of this index waits at the gate: the first build is let through, the rebuild after a write is held.
        using var gate = new SemaphoreSlim(0);
        var network = new NetworkIndex(new GatedScopes(app.Services.GetRequiredService<IServiceScopeFactory>(), gate), app.Services.GetRequiredService<ClusterAtlas.ClusterDirectory.DirectoryIndex>(),
            TimeProvider.System, app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(), app.Services.GetRequiredService<ILogger<NetworkIndex>>());
        await using var scope = app.Services.CreateAsyncScope();
        var profileId = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == "vojvodina-metal-cluster").Select(p => p.Id).SingleAsync());
        var similar = app.Services.GetRequiredService<SimilarClusters>();
        gate.Release();
        await network.StartBuilding();
        var before = await network.CurrentAsync(CancellationToken.None);

        network.MarkStale();
        Assert.True(network.IsBehind);
        var shown = await ProfileNetworkBlock.LoadAsync(profileId, "vojvodina-metal-cluster", false, false, network, similar, scope.ServiceProvider, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.True(shown.Behind, "the block waited for the rebuild");
        Assert.False(shown.Preparing);
        // That wait found the rebuild slow: the next reader gets the network as it was at once.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (previous, behind) = await network.CurrentOrPreviousAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"waited {started.Elapsed}");
        Assert.Same(before, previous);
        Assert.True(behind);

        // A second write while the first's rebuild is held: that rebuild, let through, does not include it.
        network.MarkStale();
        var reader = network.CurrentAsync(CancellationToken.None);
        gate.Release();
        var between = before;
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ReferenceEquals(between, before) && waited.Elapsed < TimeSpan.FromSeconds(30);)
        {
            await Task.Delay(20);
            between = (await network.CurrentOrPreviousAsync(TimeSpan.Zero, CancellationToken.None)).Network;
        }
        Assert.NotSame(before, between);
        Assert.True(network.IsBehind, "the first rebuild said the second write was in it");
        await Task.Delay(200);
        Assert.False(reader.IsCompleted, "a reader asking after the second write was given the first rebuild");

        // The network's other readers wait for the rebuild that includes it; then the block is not behind.
        gate.Release(int.MaxValue / 2);
        var rebuilt = await reader;
        Assert.NotSame(between, rebuilt);
        Assert.False(network.IsBehind);
        Assert.False((await ProfileNetworkBlock.LoadAsync(profileId, "vojvodina-metal-cluster", false, false, network, similar, scope.ServiceProvider, TimeSpan.FromMilliseconds(100), CancellationToken.None)).Behind);
    }

    [Fact]
    public async Task A_proposed_match_confirmed_by_the_administrators_makes_a_mutual_collaboration_on_both_profiles_and_the_network()
    {
        var member = await app.MemberWithPublishedProfileAsync("Vojvodina ICT Cluster");
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.Include(p => p.CollaboratingClusters).SingleAsync(p => p.Id == member.ProfileId);
            profile.CountryCode = "RS";
            profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = "vojvodina metal clustre", CountryCode = "RS" });
            return await db.SaveChangesAsync();
        });

        var page = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri($"/cluster-organisations/{member.Slug}/network", UriKind.Relative)));
        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Contains("vojvodina metal clustre", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vojvodina Metal Cluster", row.TextContent, StringComparison.Ordinal);
        var linkId = row.QuerySelector("input[name=linkId]")!.GetAttribute("value")!;

        // Another profile's administrator cannot decide for this one.
        var stranger = await app.MemberWithPublishedProfileAsync("Stranger Cluster");
        var refused = await ProfileScenarios.PostWithTokenAsync(stranger.Browser, $"/cluster-organisations/{member.Slug}/network?handler=reject", new() { ["linkId"] = linkId });
        Assert.True(ProfileScenarios.IsRefusal(refused), $"answered {(int)refused.StatusCode}");
        Assert.Equal(LinkState.Proposed, await StateAsync(long.Parse(linkId, System.Globalization.CultureInfo.InvariantCulture)));

        await member.Browser.SubmitFormAsync($"/cluster-organisations/{member.Slug}/network", [], "form[action*='handler=confirm']");
        Assert.Equal(LinkState.Confirmed, await StateAsync(long.Parse(linkId, System.Globalization.CultureInfo.InvariantCulture)));

        var visitor = app.CreateBrowser();
        foreach (var (slug, partner) in new[] { (SeedPage.Slug, member.Slug), (member.Slug, SeedPage.Slug) })
        {
            var profilePage = await ClusterAtlasFactory.ParseAsync(await visitor.GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative)));
            var item = profilePage.QuerySelectorAll("#network .network-partners > li").Single(li => li.QuerySelector($"a[href='/cluster-organisations/{partner}']") is not null);
            Assert.NotNull(item.QuerySelector(".mutual"));
        }

        var network = await ClusterAtlasFactory.ParseAsync(await visitor.GetStringAsync(new Uri("/network?country=RS", UriKind.Relative)));
        var edge = network.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/cluster-organisations/{member.Slug}']") is not null
            && r.QuerySelector($"a[href='/cluster-organisations/{SeedPage.Slug}']") is not null);
        Assert.Equal("both", edge.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.NotNull(network.QuerySelector("#network-data"));
        // The filter form sends "All" of the other lists as empty values: they filter nothing.
        var submitted = await ClusterAtlasFactory.ParseAsync(await visitor.GetStringAsync(new Uri("/network?country=RS&sector=&label=", UriKind.Relative)));
        Assert.Equal(network.QuerySelectorAll("tbody tr").Length, submitted.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task A_rejected_guess_is_not_proposed_again_after_the_profile_is_saved()
    {
        var member = await app.MemberWithPublishedProfileAsync("Toolmakers Cluster of Slovenia");
        var other = await app.MemberWithPublishedProfileAsync("Rejecting Cluster");
        await SetPartnerAsync(other.ProfileId, "Toolmakers Cluster of Slovenija");
        var page = await ClusterAtlasFactory.ParseAsync(await other.Browser.GetStringAsync(new Uri($"/cluster-organisations/{other.Slug}/network", UriKind.Relative)));
        Assert.Contains(member.Slug, Assert.Single(page.QuerySelectorAll("tbody tr")).InnerHtml, StringComparison.Ordinal);

        await other.Browser.SubmitFormAsync($"/cluster-organisations/{other.Slug}/network", [], "form[action*='handler=reject']");
        await SetPartnerAsync(other.ProfileId, "Toolmakers Cluster of Slovenija", alsoRename: true);

        page = await ClusterAtlasFactory.ParseAsync(await other.Browser.GetStringAsync(new Uri($"/cluster-organisations/{other.Slug}/network", UriKind.Relative)));
        Assert.Empty(page.QuerySelectorAll("tbody tr"));
        Assert.Contains("Rejected", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profiles_list_of_collaborating_clusters_links_the_partners_the_network_matched_as_its_network_section_does()
    {
        // Aspen names Linden by its acronym and Hawthorn exactly (both sure matches), Birch misspelt (only proposed) and
        // a cluster with no profile here.
        var linden = MapScenarios.Published("Linden Valley Cluster", "RS");
        linden.Acronym = "LVC";
        var (hawthorn, birch, aspen) = (MapScenarios.Published("Hawthorn Ridge Cluster", "RS"), MapScenarios.Published("Birch Meadow Cluster", "RS"), MapScenarios.Published("Aspen Hollow Cluster", "RS"));
        aspen.CollaboratingClusters.AddRange(
        [
            new() { Name = "LVC", CountryCode = "RS" }, new() { Name = hawthorn.Name, CountryCode = "RS", SortOrder = 1 },
            new() { Name = "Birch Meadow Clustre", CountryCode = "RS", SortOrder = 2 }, new() { Name = "Nowhere Cluster", CountryCode = "RS", SortOrder = 3 },
        ]);
        await app.AddAsync((linden, []), (hawthorn, []), (birch, []), (aspen, []));
        var network = app.Services.GetRequiredService<NetworkIndex>();
        await network.CurrentAsync(CancellationToken.None, fresh: true);
        var visitor = app.CreateBrowser();
        async Task<(List<(string Name, string? Href)> Listed, List<string?> InNetwork)> LinksAsync(string path)
        {
            var page = await ClusterAtlasFactory.ParseAsync(await visitor.GetStringAsync(new Uri(path, UriKind.Relative)));
            return ([.. page.QuerySelectorAll(".partners li").Select(li => (li.FirstElementChild!.TextContent, li.QuerySelector("a")?.GetAttribute("href")))],
                [.. page.QuerySelectorAll("#network .network-partners > li > a").Select(a => a.GetAttribute("href"))]);
        }

        var (listed, inNetwork) = await LinksAsync($"/cluster-organisations/{aspen.Slug}");
        Assert.Equal(
        [
            ("LVC", $"/cluster-organisations/{linden.Slug}"), (hawthorn.Name, $"/cluster-organisations/{hawthorn.Slug}"),
            ("Birch Meadow Clustre", null), ("Nowhere Cluster", null),
        ], listed);
        Assert.Equal(listed.Where(l => l.Href is not null).Select(l => l.Href).Order(), inNetwork.Order());
        Assert.Equal(listed, (await LinksAsync($"/cluster-organisations/{aspen.Slug}/print")).Listed);

        // Confirmed by Aspen's administrators, the misspelt name is Birch's in both.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var proposal = await scope.ServiceProvider.GetRequiredService<ClusterAtlas.Data.ClusterAtlasDbContext>().Set<NetworkLink>()
                .SingleAsync(l => l.ProfileId == aspen.Id && l.State == LinkState.Proposed);
            Assert.Equal(birch.Id, proposal.PartnerProfileId);
            Assert.True(await scope.ServiceProvider.GetRequiredService<NetworkDecisions>().DecideAsync(aspen.Id, proposal.Id, confirm: true, userId: null, CancellationToken.None));
        }
        await network.CurrentAsync(CancellationToken.None, fresh: true);
        (listed, inNetwork) = await LinksAsync($"/cluster-organisations/{aspen.Slug}");
        Assert.Equal(("Birch Meadow Clustre", $"/cluster-organisations/{birch.Slug}"), listed[2]);
        Assert.Equal(listed.Where(l => l.Href is not null).Select(l => l.Href).Order(), inNetwork.Order());
    }

    [Fact]
    public async Task The_wide_view_adds_the_partners_partners_that_are_not_its_own_links_back_and_an_unknown_view_is_said()
    {
        // Quince works with Juniper and Saffron; Juniper with Saffron (a partner of Quince's already) and Walnut.
        var (quince, juniper, saffron, walnut) = (MapScenarios.Published("Quince Orchard Cluster", "RS"), MapScenarios.Published("Juniper Forest Cluster", "RS"),
            MapScenarios.Published("Saffron Field Cluster", "RS"), MapScenarios.Published("Walnut Grove Cluster", "RS"));
        quince.CollaboratingClusters.AddRange([new() { Name = juniper.Name, CountryCode = "RS" }, new() { Name = saffron.Name, CountryCode = "RS", SortOrder = 1 }]);
        juniper.CollaboratingClusters.AddRange([new() { Name = saffron.Name, CountryCode = "RS" }, new() { Name = walnut.Name, CountryCode = "RS", SortOrder = 1 }]);
        await app.AddAsync((quince, []), (juniper, []), (saffron, []), (walnut, []));
        await app.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        var visitor = app.CreateBrowser();
        async Task<(System.Net.HttpStatusCode Status, AngleSharp.Dom.IElement Network)> NetworkSectionAsync(string query)
        {
            using var response = await visitor.GetAsync(new Uri($"/cluster-organisations/{quince.Slug}{query}", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            await HtmlValidator.AssertValidAsync(html, query);
            return (response.StatusCode, (await ClusterAtlasFactory.ParseAsync(html)).GetElementById("network")!);
        }
        static Dictionary<string, string[]> Partners(AngleSharp.Dom.IElement network) =>
            network.QuerySelectorAll(".network-partners > li").ToDictionary(li => li.QuerySelector("a")!.TextContent,
                li => li.Children.Where(c => c.LocalName == "ul").SelectMany(ul => ul.QuerySelectorAll("a")).Select(a => a.TextContent).ToArray());

        var (status, wide) = await NetworkSectionAsync("?network=wide");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(new Dictionary<string, string[]> { [juniper.Name] = [walnut.Name], [saffron.Name] = [] }, Partners(wide));
        var back = Assert.Single(wide.QuerySelectorAll($"a[href='/cluster-organisations/{quince.Slug}#network']"));
        Assert.Equal("Show only this cluster's partners", back.TextContent);
        // Above the list, where the link to the wide view leads: the list below it is long.
        Assert.Same(back.ParentElement, wide.QuerySelector(".network-partners")!.PreviousElementSibling);
        Assert.Empty(wide.QuerySelectorAll("a[href*='network=wide']"));

        var (_, narrow) = await NetworkSectionAsync("");
        Assert.Equal(new Dictionary<string, string[]> { [juniper.Name] = [], [saffron.Name] = [] }, Partners(narrow));
        Assert.NotNull(narrow.QuerySelector($"a[href='/cluster-organisations/{quince.Slug}?network=wide#network']"));

        // A view the page does not know is said, as the directory says an unknown value, and the partners are shown.
        var (refused, unknown) = await NetworkSectionAsync("?network=everything");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused);
        Assert.Equal("network: 'everything' is not a known network value.", unknown.QuerySelector(".alert-error")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string[]> { [juniper.Name] = [], [saffron.Name] = [] }, Partners(unknown));
    }

    private Task<int> SetPartnerAsync(int profileId, string partner, bool alsoRename = false) => app.WithDbAsync(async db =>
    {
        var profile = await db.ClusterOrganisations.Include(p => p.CollaboratingClusters).SingleAsync(p => p.Id == profileId);
        profile.CollaboratingClusters.Clear();
        profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = partner });
        if (alsoRename)
        {
            profile.ShortDescription = "Saved again.";
        }
        return await db.SaveChangesAsync();
    });

    private Task<LinkState> StateAsync(long linkId) =>
        app.WithDbAsync(db => db.Set<NetworkLink>().Where(l => l.Id == linkId).Select(l => l.State).SingleAsync());

    /// <summary>Scopes made only once the gate lets them: what the network's build begins with.</summary>
    private sealed class GatedScopes(IServiceScopeFactory scopes, SemaphoreSlim gate) : IServiceScopeFactory
    {
        public IServiceScope CreateScope()
        {
            gate.Wait();
            return scopes.CreateScope();
        }
    }
}
