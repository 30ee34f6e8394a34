using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Tests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// "Clusters you could work with" in the account: for each profile the member administers, with reasons in the
/// reader's language; "not relevant" is remembered and brings the member back to the account; nobody else may
/// dismiss for a profile, and the page needs signing in.
/// </summary>
public sealed class AccountRecommendationsTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task The_account_lists_clusters_each_profile_could_work_with_with_reasons_and_remembers_not_relevant()
    {
        var member = await app.MemberWithPublishedProfileAsync("Vaduz Optics Cluster");
        var other = await app.MemberWithPublishedProfileAsync("Schaan Precision Cluster");
        // Both in Liechtenstein, where no other test profile is: the one thing they share.
        await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == member.ProfileId || p.Id == other.ProfileId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CountryCode, "LI").SetProperty(p => p.UpdatedAt, DateTimeOffset.UtcNow)));

        var overview = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri("/account", UriKind.Relative)));
        Assert.NotNull(overview.QuerySelector("a[href='/account/recommendations']"));
        var page = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri("/account/recommendations", UriKind.Relative)));
        var section = page.QuerySelector($"#for-{member.Slug}")!;
        Assert.Contains("Vaduz Optics Cluster", section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var item = section.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/cluster-organisations/{other.Slug}']") is not null);
        Assert.Contains("both are in Liechtenstein", item.TextContent, StringComparison.Ordinal);

        // In German, the same reason in German.
        using (var german = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/recommendations", UriKind.Relative)))
        {
            german.Headers.TryAddWithoutValidation("Accept-Language", "de");
            using var response = await member.Browser.SendAsync(german);
            var germanPage = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Contains("beide sind in Liechtenstein", germanPage.QuerySelector($"#for-{member.Slug}")!.TextContent, StringComparison.Ordinal);
        }

        // Another profile's administrator cannot dismiss for this one.
        var fields = new Dictionary<string, string> { ["dismissedProfileId"] = other.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["from"] = "account" };
        var refused = await ProfileScenarios.PostWithTokenAsync(other.Browser, $"/cluster-organisations/{member.Slug}/network?handler=dismiss", fields);
        Assert.True(ProfileScenarios.IsRefusal(refused), $"answered {(int)refused.StatusCode}");

        using var dismissed = await ProfileScenarios.PostWithTokenAsync(member.Browser, $"/cluster-organisations/{member.Slug}/network?handler=dismiss", fields);
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Equal($"/account/recommendations#for-{member.Slug}", dismissed.Headers.Location!.OriginalString);
        page = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri("/account/recommendations", UriKind.Relative)));
        Assert.Null(page.QuerySelector($"#for-{member.Slug} a[href='/cluster-organisations/{other.Slug}']"));
        // The other side did not dismiss: it is still recommended to them.
        page = await ClusterAtlasFactory.ParseAsync(await other.Browser.GetStringAsync(new Uri("/account/recommendations", UriKind.Relative)));
        Assert.NotNull(page.QuerySelector($"#for-{other.Slug} a[href='/cluster-organisations/{member.Slug}']"));
    }

    [Fact]
    public async Task Signing_in_is_needed_and_a_member_without_profiles_is_told_so()
    {
        using var anonymous = app.CreateBrowser();
        using var response = await anonymous.GetAsync(new Uri("/account/recommendations", UriKind.Relative));
        Assert.True(ProfileScenarios.IsRefusal(response), $"answered {(int)response.StatusCode}");

        var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri("/account/recommendations", UriKind.Relative)));
        Assert.Contains("You do not administer the profile of a cluster organisation yet.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("section"));
    }
}
