using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// Partner search in a real browser: a cluster manager posts a partner search from the profile page, another member
/// finds it, follows it, expresses interest and comments, the manager is told by mail, sees the counts and closes it.
/// axe checks each page on the way.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PartnerSearchJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Post_find_follow_express_interest_comment_and_close()
    {
        var unique = "Sedgeweave" + Guid.NewGuid().ToString("N")[..6];
        var authorEmail = $"author-{unique.ToLowerInvariant()}@example.org";
        var memberEmail = $"member-{unique.ToLowerInvariant()}@example.org";
        var authorSlug = await app.MemberWithPublishedProfileAsync(authorEmail, "Petra Poster", $"{unique} Textile Cluster");
        var memberSlug = await app.MemberWithPublishedProfileAsync(memberEmail, "Ivo Interested", $"{unique} Fibre Cluster");

        // 1. The manager posts a partner search from the profile page.
        await using var authorTab = await app.OpenTabAsync();
        var author = authorTab.Page;
        var authorWatch = authorTab.Watch;
        await JourneySteps.SignInAsync(author, authorEmail);
        await author.GotoAsync($"/cluster-organisations/{authorSlug}");
        await author.GetByRole(AriaRole.Link, new() { Name = "Post a partner search" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(author, "new partner search");
        await author.Locator("#kind-CooperationOffer").CheckAsync();
        await author.Locator("#Form_Title").FillAsync($"{unique}: weaving partners for smart textiles");
        await author.Locator("#Form_Text").FillAsync("We offer **looms** and look for sensor makers.");
        await author.Locator("#intent-research").CheckAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Post the partner search" }).ClickAsync();
        await Assertions.Expect(author.Locator("main")).ToContainTextAsync("Your partner search is posted.");
        var postingPath = new Uri(author.Url).AbsolutePath;
        await Axe.AssertNoViolationsAsync(author, "posting, as its author");
        await Artefacts.ScreenshotAsync(author, "partner-search-1-posted");

        // 2. Another member finds it in the list, follows it, expresses interest and comments.
        await using var memberTab = await app.OpenTabAsync();
        var member = memberTab.Page;
        var memberWatch = memberTab.Watch;
        await JourneySteps.SignInAsync(member, memberEmail);
        await member.GotoAsync("/partner-search");
        await member.GetByLabel("Search by title, description, call, cluster organisation or term").FillAsync(unique);
        await member.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Axe.AssertNoViolationsAsync(member, "partner search list");
        await Artefacts.ScreenshotAsync(member, "partner-search-2-list");
        await member.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(unique + ": weaving") }).ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("You follow this partner search.");
        await member.GetByLabel("Message to the author (optional)").FillAsync("Our members make textile sensors.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Express interest" }).ClickAsync();
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("Your interest is recorded");
        await member.GetByLabel("Your comment").FillAsync("Which yarns do your looms take?");
        await member.GetByRole(AriaRole.Button, new() { Name = "Post the comment" }).ClickAsync();
        await Assertions.Expect(member.Locator(".comment-text")).ToHaveTextAsync("Which yarns do your looms take?");
        await Axe.AssertNoViolationsAsync(member, "posting, as a member who took part");
        await Artefacts.ScreenshotAsync(member, "partner-search-3-taken-part");

        // 3. The manager is told by mail, with the interested member's profile linked, and sees the counts.
        var mail = await app.MailAsync(authorEmail, $"{unique} Fibre Cluster is interested in your partner search");
        Assert.Contains($"/cluster-organisations/{memberSlug}", mail.TextBody, StringComparison.Ordinal);
        await author.GotoAsync(postingPath);
        await Assertions.Expect(author.Locator(".posting-owner")).ToContainTextAsync("1 member follows it; 1 member expressed interest.");
        await Assertions.Expect(author.Locator(".posting-owner")).ToContainTextAsync("Our members make textile sensors.");

        // 4. ... and closes it: it leaves the list.
        await author.GetByRole(AriaRole.Link, new() { Name = "Close", Exact = true }).ClickAsync();
        await Axe.AssertNoViolationsAsync(author, "close a partner search");
        await author.GetByRole(AriaRole.Button, new() { Name = "Close the partner search" }).ClickAsync();
        await Assertions.Expect(author.Locator("main")).ToContainTextAsync("The partner search is closed.");
        await member.GotoAsync("/partner-search?q=" + unique);
        await Assertions.Expect(member.Locator("#result-count")).ToHaveTextAsync("0 open partner searches");

        authorWatch.AssertClean();
        memberWatch.AssertClean();
    }
}
