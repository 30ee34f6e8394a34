using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// News in a real browser: a profile's administrator writes news on its behalf from the profile page, a moderator
/// publishes it from the review queue, and it shows on the profile page, in the news list and on its tag page.
/// axe checks the list, the news page and the tag page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NewsJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Submit_news_for_a_profile_a_moderator_publishes_it_and_it_shows_on_the_profile_and_in_the_list()
    {
        var unique = "Kestrelmoor" + Guid.NewGuid().ToString("N")[..6];
        var authorEmail = $"news-{unique.ToLowerInvariant()}@example.org";
        var slug = await app.MemberWithPublishedProfileAsync(authorEmail, "Nina News", $"{unique} Photonics Cluster");
        var title = $"{unique} opens a photonics test bed";

        // 1. The profile's administrator writes news from the profile page and submits it for review.
        await using var authorTab = await app.OpenTabAsync();
        var author = authorTab.Page;
        var authorWatch = authorTab.Watch;
        await JourneySteps.SignInAsync(author, authorEmail);
        await author.GotoAsync($"/cluster-organisations/{slug}");
        await author.Locator("#news").GetByRole(AriaRole.Link, new() { Name = "Write news" }).ClickAsync();
        await author.Locator("#Form_Title").FillAsync(title);
        await author.Locator("#Form_Summary").FillAsync("Members and SMEs from abroad can book the new test bed.");
        await author.Locator("#Form_Body").FillAsync("The test bed has **three** laser stations.");
        await author.Locator("#Form_Tags").FillAsync($"Photonics {unique}");
        await author.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(author.Locator("main")).ToContainTextAsync("the news is submitted");
        var newsPath = new Uri(author.Url).AbsolutePath;

        // 2. A moderator publishes it from the queue.
        await using var moderatorTab = await app.OpenTabAsync();
        var moderator = moderatorTab.Page;
        await app.SignInAsNewModeratorAsync(moderator, $"news-moderator-{unique.ToLowerInvariant()}@example.org");
        await moderator.GotoAsync("/moderation/news");
        await moderator.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(moderator.Locator("main")).ToContainTextAsync("The news is published");
        await app.MailAsync(authorEmail, "Your news is published");

        // 3. Anyone sees it on the profile page, in the list, on its page and on its tag page.
        await using var visitorTab = await app.OpenTabAsync();
        var visitor = visitorTab.Page;
        var visitorWatch = visitorTab.Watch;
        await visitor.GotoAsync($"/cluster-organisations/{slug}");
        await Assertions.Expect(visitor.Locator("#news")).ToContainTextAsync(title);
        await visitor.GotoAsync("/news?q=" + unique);
        await Assertions.Expect(visitor.Locator("main .news-list")).ToContainTextAsync(title);
        await Axe.AssertNoViolationsAsync(visitor, "news list");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex(Regex.Escape(newsPath) + "$"));
        await Assertions.Expect(visitor.Locator(".news-meta")).ToContainTextAsync($"{unique} Photonics Cluster");
        await Axe.AssertNoViolationsAsync(visitor, "news page");
        await Artefacts.ScreenshotAsync(visitor, "news-1-published");
        await visitor.Locator("main .tags").GetByRole(AriaRole.Link).Last.ClickAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(title);
        await Axe.AssertNoViolationsAsync(visitor, "tag page");
        authorWatch.AssertClean();
        visitorWatch.AssertClean();
    }
}
