using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.News;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;

namespace ClusterAtlas.Tests.News;

/// <summary>Community news from submission to publication, sent back and resubmitted on the way; editorial news; trusted profiles.</summary>
public sealed class NewsWorkflowTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Submitted_news_is_sent_back_with_a_reason_changed_resubmitted_and_published_where_everyone_sees_it()
    {
        var member = await app.MemberWithPublishedProfileAsync("Newsroom Cluster");
        var (relatedSlug, _) = await app.AnotherPublishedProfileAsync(member, "Related Newsroom Partner");
        var moderatorEmail = ClusterAtlasFactory.NewEmail();
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator, moderatorEmail);

        var slug = await member.SubmitNewsAsync("Our pilot line opens", ("Form.RelatedProfiles", "Related Newsroom Partner"));
        Assert.Equal("our-pilot-line-opens", slug);
        var submitted = await app.NewsAsync(slug);
        Assert.Equal(NewsStatus.Submitted, submitted.Status);
        Assert.Equal(["green-deal", "matchmaking"], submitted.Tags);
        Assert.Equal(relatedSlug, Assert.Single(submitted.RelatedProfiles).Slug);
        await app.LatestMailAsync(moderatorEmail, "News waits for review: Our pilot line opens");

        using var anonymous = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/news/{slug}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Our pilot line opens", await (await anonymous.GetAsync(new Uri("/news", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Our pilot line opens", await moderator.GetStringAsync(new Uri("/moderation/news", UriKind.Relative)), StringComparison.Ordinal);

        using (var missingReason = await NewsScenarios.DecideAsync(moderator, slug, "SendBack", ""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        }
        using (var sentBack = await NewsScenarios.DecideAsync(moderator, slug, "SendBack", "Please name the date of the opening."))
        {
            Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        }
        Assert.Equal(NewsStatus.SentBack, (await app.NewsAsync(slug)).Status);
        var mail = await app.LatestMailAsync(member.Email, "Your news was sent back");
        Assert.Contains("Please name the date of the opening.", mail.TextBody, StringComparison.Ordinal);
        var editLink = ClusterAtlasFactory.LinkIn(mail, $"/news/{slug}/edit");
        var editPage = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(editLink));
        Assert.Contains("Please name the date of the opening.", editPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using (var resubmitted = await NewsScenarios.PostAsync(member.Browser, $"/news/{slug}/edit?handler=Submit",
            NewsScenarios.Fields("Our pilot line opens on 1 March", ("Form.RelatedProfiles", relatedSlug))))
        {
            Assert.Equal($"/news/{slug}?done=submitted", resubmitted.Headers.Location!.OriginalString);
        }
        var changed = await app.NewsAsync(slug);
        Assert.Equal((NewsStatus.Submitted, "Our pilot line opens on 1 March"), (changed.Status, changed.Title));

        using (var published = await NewsScenarios.DecideAsync(moderator, slug, "Publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        await app.LatestMailAsync(member.Email, "Your news is published");

        var page = await app.GetDocumentAsync($"/news/{slug}");
        Assert.Equal("Our pilot line opens on 1 March", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main .news-meta a[href='/cluster-organisations/{member.Slug}']"));
        Assert.NotNull(page.QuerySelector($"main a[href='/cluster-organisations/{relatedSlug}']"));
        Assert.NotNull(page.QuerySelector("main .tags a[href='/tags/green-deal']"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal($"http://localhost/news/{slug}", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Contains(Uri.EscapeDataString($"http://localhost/news/{slug}"), page.QuerySelector("a[href^='https://www.linkedin.com/']")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script[src^='http']"));

        var list = await app.GetDocumentAsync("/news");
        Assert.NotNull(list.QuerySelector($"main .news-list a[href='/news/{slug}']"));
        var profilePage = await app.GetDocumentAsync($"/cluster-organisations/{member.Slug}");
        Assert.NotNull(profilePage.QuerySelector($"#news a[href='/news/{slug}']"));
        var tagPage = await app.GetDocumentAsync("/tags/green-deal");
        Assert.Equal("News", tagPage.QuerySelector("main h2")!.TextContent);
        Assert.NotNull(tagPage.QuerySelector($"main a[href='/news/{slug}']"));
    }

    [Fact]
    public async Task A_trusted_profile_publishes_directly_and_stops_when_the_moderator_takes_the_trust_back()
    {
        var member = await app.MemberWithPublishedProfileAsync("Trusted News Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var first = await member.SubmitNewsAsync("Trusted cluster first news");
        Assert.Equal(NewsStatus.Submitted, (await app.NewsAsync(first)).Status);

        using (var trust = await NewsScenarios.DecideAsync(moderator, first, "Trust"))
        {
            Assert.Equal(HttpStatusCode.Redirect, trust.StatusCode);
        }
        var second = await member.SubmitNewsAsync("Trusted cluster second news");
        Assert.Equal(NewsStatus.Published, (await app.NewsAsync(second)).Status);

        using (var distrust = await NewsScenarios.DecideAsync(moderator, first, "Distrust"))
        {
            Assert.Equal(HttpStatusCode.Redirect, distrust.StatusCode);
        }
        var third = await member.SubmitNewsAsync("Trusted cluster third news");
        Assert.Equal(NewsStatus.Submitted, (await app.NewsAsync(third)).Status);
    }

    [Fact]
    public async Task The_platform_team_publishes_editorial_news_directly_without_a_profile()
    {
        using var administrator = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        using var response = await NewsScenarios.PostAsync(administrator, "/moderation/news/new?handler=Submit", NewsScenarios.Fields("Platform news of the week"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var slug = response.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0];
        var item = await app.NewsAsync(slug);
        Assert.Equal((NewsStatus.Published, (int?)null), (item.Status, item.ProfileId));
        var page = await app.GetDocumentAsync($"/news/{slug}");
        Assert.Contains("ClusterAtlas editorial team", page.QuerySelector(".news-meta")!.TextContent, StringComparison.Ordinal);

        // The same title again gets its own address.
        using var again = await NewsScenarios.PostAsync(administrator, "/moderation/news/new?handler=Submit", NewsScenarios.Fields("Platform news of the week"));
        Assert.EndsWith("/news/platform-news-of-the-week-2?done=published", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_profiles_editors_and_the_platform_team_write_edit_and_decide()
    {
        var member = await app.MemberWithPublishedProfileAsync("Guarded News Cluster");
        var slug = await member.SubmitNewsAsync("Guarded cluster news");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var anonymous = app.CreateBrowser();
        var before = await app.NewsSnapshotAsync();

        await AssertRefusedAsync(stranger, $"/cluster-organisations/{member.Slug}/news/new");
        await AssertRefusedAsync(stranger, $"/news/{slug}/edit");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/news/{slug}", UriKind.Relative))).StatusCode);
        using (var strangerEdit = await NewsScenarios.PostAsync(stranger, $"/news/{slug}/edit", NewsScenarios.Fields("Taken over"), tokenPage: "/account"))
        {
            Assert.True(Profiles.ProfileScenarios.IsRefusal(strangerEdit), $"answered {(int)strangerEdit.StatusCode} {strangerEdit.Headers.Location}");
        }
        // The submitter may not publish their own news.
        using (var selfPublish = await NewsScenarios.DecideAsync(member.Browser, slug, "Publish"))
        {
            Assert.True(Profiles.ProfileScenarios.IsRefusal(selfPublish), $"answered {(int)selfPublish.StatusCode} {selfPublish.Headers.Location}");
        }
        Assert.Equal(before, await app.NewsSnapshotAsync());

        // Once published, the submitter of a profile that is not trusted no longer changes it (the moderators would not see the change).
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        (await NewsScenarios.DecideAsync(moderator, slug, "Publish")).Dispose();
        await AssertRefusedAsync(member.Browser, $"/news/{slug}/edit");
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(new Uri($"/news/{slug}/edit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_moderator_neither_sees_nor_publishes_a_draft_its_author_never_submitted_nor_an_item_sent_back_and_not_resubmitted()
    {
        var member = await app.MemberWithPublishedProfileAsync("Unsubmitted News Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        string draft;
        using (var saved = await NewsScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/news/new", NewsScenarios.Fields("Half-written cluster draft")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            draft = saved.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0];
        }
        Assert.Equal(NewsStatus.Draft, (await app.NewsAsync(draft)).Status);
        var queue = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/news", UriKind.Relative)));
        Assert.DoesNotContain("Half-written cluster draft", queue.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var review = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri($"/moderation/news/{draft}", UriKind.Relative)));
        Assert.Null(review.QuerySelector("main form[action*=Publish]"));

        var sentBack = await member.SubmitNewsAsync("Cluster news to be sent back");
        (await NewsScenarios.DecideAsync(moderator, sentBack, "SendBack", "Name the date.")).Dispose();
        Assert.Equal(NewsStatus.SentBack, (await app.NewsAsync(sentBack)).Status);

        var before = await app.NewsSnapshotAsync();
        foreach (var slug in new[] { draft, sentBack })
        {
            using var publish = await NewsScenarios.DecideAsync(moderator, slug, "Publish");
            Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
            var page = await ClusterAtlasFactory.ParseAsync(await publish.Content.ReadAsStringAsync());
            Assert.Contains("Only news submitted for review can be published", page.QuerySelector("main .alert-error")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.NewsSnapshotAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(new Uri($"/news/{draft}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_editorial_teams_own_drafts_are_listed_for_the_moderators_and_open_in_the_form()
    {
        using var administrator = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        using var response = await NewsScenarios.PostAsync(administrator, "/moderation/news/new", NewsScenarios.Fields("Editorial draft in the works"));
        var slug = response.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0];
        Assert.Equal(NewsStatus.Draft, (await app.NewsAsync(slug)).Status);
        var queue = await ClusterAtlasFactory.ParseAsync(await administrator.GetStringAsync(new Uri("/moderation/news", UriKind.Relative)));
        Assert.NotNull(queue.QuerySelector($"main a[href='/news/{slug}/edit']"));
    }

    /// <summary>A signed-in member the page is not for is sent to the access-denied page, as everywhere on the site.</summary>
    private static async Task AssertRefusedAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Found && response.Headers.Location?.ToString().Contains("/account/access-denied", StringComparison.Ordinal) == true),
            $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
    }
}
