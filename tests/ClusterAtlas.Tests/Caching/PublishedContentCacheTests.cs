using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Calls;
using ClusterAtlas.Tests.Events;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.News;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Tests.Vocabularies;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Tests.Caching;

/// <summary>
/// News, events and calls in the output cache: their pages, feeds and calendars are stored for anonymous readers, a
/// publication or an edit shows on them (and on the home and profile pages) at once, and a signed-in view is never stored.
/// </summary>
public sealed class PublishedContentCacheTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    public static TheoryData<string> PublicAnswers =>
    [
        "/news", "/events", "/calls", "/tags/green-deal", ClusterAtlas.News.NewsFeed.Path, ClusterAtlas.Events.EventFeed.Path,
        ClusterAtlas.Events.EventCalendar.CalendarPath, ClusterAtlas.Calls.CallFeed.Path,
    ];

    [Theory]
    [MemberData(nameof(PublicAnswers))]
    public async Task A_list_feed_or_calendar_is_stored_for_anonymous_readers_and_sets_no_cookie_nor_token(string url)
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), $"{url} sets a cookie");
        Assert.DoesNotContain("__RequestVerificationToken", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var second = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(second.Headers.Age is not null, $"{url} was rendered again instead of served from the cache");
    }

    [Fact]
    public async Task Published_news_shows_at_once_on_the_cached_news_home_tag_and_profile_pages_and_in_the_feed()
    {
        var word = VocabularyScenarios.UniqueWord();
        var member = await app.MemberWithPublishedProfileAsync("Cached News Cluster " + word);
        var title = "Foundry opens " + word;
        using var client = app.CreateClient();
        var profilePage = "/cluster-organisations/" + member.Slug;
        string[] pages = ["/news", "/", profilePage, "/tags/green-deal", ClusterAtlas.News.NewsFeed.Path];
        foreach (var page in pages)
        {
            await AssertStoredWithoutAsync(client, page, title);
        }

        var slug = await member.SubmitNewsAsync(title);
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        (await NewsScenarios.DecideAsync(moderator, slug, "Publish")).Dispose();
        foreach (var page in pages)
        {
            Assert.Contains(title, await TextAsync(client, page), StringComparison.Ordinal);
        }
        await AssertStoredWithoutAsync(client, "/news/" + slug, "Never written " + word);
    }

    [Fact]
    public async Task A_published_event_and_its_edit_show_at_once_on_the_cached_event_pages_feed_and_calendars()
    {
        var word = VocabularyScenarios.UniqueWord();
        var member = await app.MemberWithPublishedProfileAsync("Cached Event Cluster " + word);
        var title = "Machining days " + word;
        using var client = app.CreateClient();
        var profilePage = "/cluster-organisations/" + member.Slug;
        string[] lists = ["/events", "/", profilePage, ClusterAtlas.Events.EventFeed.Path, ClusterAtlas.Events.EventCalendar.CalendarPath];
        foreach (var page in lists)
        {
            await AssertStoredWithoutAsync(client, page, title);
        }

        var slug = await member.SubmitEventAsync(title);
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await moderator.PublishEventAsync(app, slug);
        foreach (var page in lists)
        {
            Assert.Contains(title, await TextAsync(client, page), StringComparison.Ordinal);
        }

        var renamed = "Machining and moulding days " + word;
        string[] ofTheEvent = ["/events/" + slug, $"/events/{slug}.ics"];
        foreach (var page in ofTheEvent)
        {
            await AssertStoredWithoutAsync(client, page, renamed);
        }
        using (var changed = await member.Browser.SubmitFormAsync($"/events/{slug}/edit", new() { ["Form.Title"] = renamed }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }
        foreach (var page in ofTheEvent.Concat(lists))
        {
            Assert.Contains(renamed, await TextAsync(client, page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_call_added_edited_and_deleted_shows_at_once_on_the_cached_call_pages_and_feed()
    {
        var word = VocabularyScenarios.UniqueWord();
        var title = "Pilot lines for castings " + word;
        using var client = app.CreateClient();
        string[] lists = ["/calls", ClusterAtlas.Calls.CallFeed.Path];
        foreach (var page in lists)
        {
            await AssertStoredWithoutAsync(client, page, title);
        }

        using var staff = await app.PlatformTeamAsync();
        var slug = await CallScenarios.AddThroughFormAsync(staff, await FieldsAsync(title));
        foreach (var page in lists)
        {
            Assert.Contains(title, await TextAsync(client, page), StringComparison.Ordinal);
        }

        var renamed = "Pilot lines for castings and forgings " + word;
        await AssertStoredWithoutAsync(client, "/calls/" + slug, renamed);
        var id = (await app.CallAsync(slug)).Id;
        using (var saved = await staff.SubmitFormAsync($"/admin/calls/{id}/edit", new() { ["Form.Title"] = renamed }, "form.call-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Contains(renamed, await TextAsync(client, "/calls/" + slug), StringComparison.Ordinal);
        Assert.Contains(renamed, await TextAsync(client, "/calls"), StringComparison.Ordinal);

        using (var deleted = await staff.SubmitFormAsync($"/admin/calls/{id}/edit", [], "form.delete-call"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/calls/" + slug, UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(renamed, await TextAsync(client, "/calls"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_view_of_news_events_or_calls_is_never_stored_nor_served_from_the_cache()
    {
        var member = await app.MemberWithPublishedProfileAsync("Signed In Reader Cluster " + VocabularyScenarios.UniqueWord());
        var eventSlug = (await app.StoredEventAsync("Signed in workshop " + VocabularyScenarios.UniqueWord(), member.ProfileId,
            DateTime.UtcNow.Date.AddDays(30).AddHours(9), DateTime.UtcNow.Date.AddDays(30).AddHours(12))).Slug;
        using var anonymous = app.CreateClient();
        foreach (var page in new[] { "/news", "/events", "/calls", "/events/" + eventSlug })
        {
            var url = page + "?utm_source=" + Guid.NewGuid().ToString("N");
            // Rendered first for the member: neither stored for them nor for the anonymous reader after them.
            using (var forMember = await member.Browser.GetAsync(new Uri(url, UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, forMember.StatusCode);
                Assert.Contains("/account/logout", await forMember.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            using (var forMemberAgain = await member.Browser.GetAsync(new Uri(url, UriKind.Relative)))
            {
                Assert.Null(forMemberAgain.Headers.Age);
            }
            using (var forAnonymous = await anonymous.GetAsync(new Uri(url, UriKind.Relative)))
            {
                Assert.Null(forAnonymous.Headers.Age);
                Assert.DoesNotContain("/account/logout", await forAnonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            // Stored for the anonymous reader now, and still not served to the member.
            using (var anonymousAgain = await anonymous.GetAsync(new Uri(url, UriKind.Relative)))
            {
                Assert.NotNull(anonymousAgain.Headers.Age);
            }
            using var memberAfter = await member.Browser.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Null(memberAfter.Headers.Age);
            Assert.Contains("/account/logout", await memberAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<Dictionary<string, string>> FieldsAsync(string title)
    {
        var sector = await app.TermIdAsync(Vocabulary.SectoralIndustries, "Automotive");
        return new()
        {
            ["Form.Programme"] = "Horizon Europe",
            ["Form.Title"] = title,
            ["Form.Identifier"] = "HORIZON-CL4-2027-" + Guid.NewGuid().ToString("N")[..6],
            ["Form.Link"] = "ec.europa.eu/info/funding/" + Guid.NewGuid().ToString("N")[..8],
            ["Form.ClosesOn"] = CallScenarios.Day(30),
            ["Form.ClosingTime"] = "17:00",
            ["Form.EligibleCountries"] = "",
            ["Form.Sectors"] = sector.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.BudgetText"] = "up to EUR 60,000 per project",
            ["Form.Summary"] = "Funds pilot lines.",
            ["Form.Tags"] = "Green Deal",
        };
    }

    private static async Task AssertStoredWithoutAsync(HttpClient client, string url, string text)
    {
        Assert.DoesNotContain(text, await TextAsync(client, url), StringComparison.Ordinal);
        using var again = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(again.Headers.Age is not null, $"{url} is not stored");
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
