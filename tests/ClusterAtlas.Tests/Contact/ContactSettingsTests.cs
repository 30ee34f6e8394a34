using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Contact;

/// <summary>A profile that relies on contact requests hides its phone numbers on its page, its print view and its cards, and offers a request instead.</summary>
public sealed class ContactSettingsTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Hiding_phone_numbers_removes_them_from_page_print_view_and_team_and_the_cards_offer_contact()
    {
        var owner = await app.MemberWithPublishedProfileAsync("Quiet Phone Cluster");
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.Include(p => p.ManagementTeam).SingleAsync(p => p.Id == owner.ProfileId);
            profile.Phone = "+381 21 555 0101";
            profile.ManagementTeam.Add(new ClusterAtlas.Profiles.ManagementTeamMember { Name = "Mira Test", Phone = "+381 21 555 0102", ContactVisibility = ClusterAtlas.Profiles.ContactVisibility.Public });
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<ClusterAtlas.ClusterDirectory.DirectoryIndex>().MarkStale();
        using var anonymous = app.CreateBrowser();
        var paths = new[] { $"/cluster-organisations/{owner.Slug}", $"/cluster-organisations/{owner.Slug}/print" };
        foreach (var path in paths)
        {
            var html = await anonymous.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.Contains("215550101", html, StringComparison.Ordinal);
            Assert.Contains("215550102", html, StringComparison.Ordinal);
        }
        var tokenBefore = await ClusterAtlas.Tests.Profiles.ProfileScenarios.ConcurrencyTokenAsync(app, owner.Slug);

        using var saved = await owner.Browser.SubmitFormAsync($"/cluster-organisations/{owner.Slug}/contact-settings", new() { ["RelyOnContactRequests"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var path in paths)
        {
            var page = await ContactScenarios.PageAsync(anonymous, path);
            Assert.DoesNotContain("55501", page.Body!.InnerHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("555\u00A001", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal($"/cluster-organisations/{owner.Slug}/contact", page.QuerySelector("a.contact-link")!.GetAttribute("href"));
        }
        var search = await ContactScenarios.PageAsync(anonymous, "/cluster-organisations");
        Assert.Contains(search.QuerySelectorAll(".card-contact a"), a => a.GetAttribute("href") == $"/cluster-organisations/{owner.Slug}/contact");
        var home = await ContactScenarios.PageAsync(anonymous, "/");
        Assert.Contains(home.QuerySelectorAll(".card-contact a"), a => a.GetAttribute("href") == $"/cluster-organisations/{owner.Slug}/contact");
        // A setting, not content: editors' open copies stay valid.
        Assert.Equal(tokenBefore, await ClusterAtlas.Tests.Profiles.ProfileScenarios.ConcurrencyTokenAsync(app, owner.Slug));

        using var shownAgain = await owner.Browser.SubmitFormAsync($"/cluster-organisations/{owner.Slug}/contact-settings", new() { ["RelyOnContactRequests"] = "false" });
        Assert.Contains("215550101", await anonymous.GetStringAsync(new Uri($"/cluster-organisations/{owner.Slug}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_those_who_may_edit_the_profile_change_the_setting()
    {
        var owner = await app.MemberWithPublishedProfileAsync("Guarded Setting Cluster");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var get = await stranger.GetAsync(new Uri($"/cluster-organisations/{owner.Slug}/contact-settings", UriKind.Relative));
        Assert.True(ClusterAtlas.Tests.Profiles.ProfileScenarios.IsRefusal(get), $"stranger GET answered {(int)get.StatusCode}");
        using var post = await PartnerSearchScenarios.PostAsync(stranger, $"/cluster-organisations/{owner.Slug}/contact-settings", [new("RelyOnContactRequests", "true")], tokenPage: "/account");
        Assert.True(ClusterAtlas.Tests.Profiles.ProfileScenarios.IsRefusal(post), $"stranger POST answered {(int)post.StatusCode}");
        Assert.False(await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == owner.ProfileId).Select(p => p.RelyOnContactRequests).SingleAsync()));
    }
}
