using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// A saved search in a real browser: a member saves a partner search, another member posts a partner search it finds,
/// and the first member receives the mail and sees the notification; the directory's live search keeps the save form on
/// the search shown. axe checks the saved searches and notifications pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SavedSearchJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Save_a_partner_search_another_member_posts_a_match_the_owner_is_mailed_and_notified()
    {
        var unique = "Quillmarsh" + Guid.NewGuid().ToString("N")[..6];
        var ownerEmail = $"owner-{unique.ToLowerInvariant()}@example.org";
        var authorEmail = $"author-{unique.ToLowerInvariant()}@example.org";
        await app.MemberWithPublishedProfileAsync(ownerEmail, "Olga Owner", $"{unique} Packaging Cluster");
        var authorSlug = await app.MemberWithPublishedProfileAsync(authorEmail, "Aleks Author", $"{unique} Paper Cluster");

        await using var ownerTab = await app.OpenTabAsync();
        var owner = ownerTab.Page;
        var ownerWatch = ownerTab.Watch;
        await JourneySteps.SignInAsync(owner, ownerEmail);

        // 1. The directory's live search keeps its "Save this search" form on the search shown, not the one loaded.
        await owner.GotoAsync("/cluster-organisations");
        await owner.Locator("#q").FillAsync("textile");
        await Assertions.Expect(owner.Locator("#save-search-query")).ToHaveValueAsync(new Regex(@"^\?(.*&)?q=textile(&|$)"));
        await Assertions.Expect(owner.GetByLabel("Name of the saved search")).ToHaveValueAsync("textile");

        // 2. The owner searches the partner search list and saves the search.
        await owner.GotoAsync("/partner-search?q=" + unique);
        await owner.GetByLabel("Name of the saved search").FillAsync($"{unique} leads");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save this search" }).ClickAsync();
        await Assertions.Expect(owner.Locator("main")).ToContainTextAsync("Your search is saved.");
        await Assertions.Expect(owner.GetByRole(AriaRole.Link, new() { Name = $"{unique} leads" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(owner, "saved searches");

        // 3. Another member posts a partner search the saved search finds.
        await using var authorTab = await app.OpenTabAsync();
        var author = authorTab.Page;
        var authorWatch = authorTab.Watch;
        await JourneySteps.SignInAsync(author, authorEmail);
        await author.GotoAsync($"/cluster-organisations/{authorSlug}");
        await author.GetByRole(AriaRole.Link, new() { Name = "Post a partner search" }).ClickAsync();
        await author.Locator("#kind-CooperationRequest").CheckAsync();
        await author.Locator("#Form_Title").FillAsync($"{unique}: recycled board for food packaging");
        await author.Locator("#Form_Text").FillAsync("We look for packaging makers who test recycled board.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Post the partner search" }).ClickAsync();
        await Assertions.Expect(author.Locator("main")).ToContainTextAsync("Your partner search is posted.");
        var postingPath = new Uri(author.Url).AbsolutePath;

        // 4. The owner receives the mail, with the posting linked, and sees the notification.
        var mail = await app.MailAsync(ownerEmail, $"A new partner search matches your saved search “{unique} leads”: “{unique}: recycled board for food packaging”");
        Assert.Contains(postingPath, mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.Headers["List-Unsubscribe"]);
        await owner.GotoAsync("/account/notifications");
        var notification = owner.Locator("li.notification.unread");
        await Assertions.Expect(notification).ToContainTextAsync($"matches your saved search “{unique} leads”");
        await Axe.AssertNoViolationsAsync(owner, "notifications");
        await notification.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(owner).ToHaveURLAsync(new Regex(Regex.Escape(postingPath) + "$"));

        ownerWatch.AssertClean();
        authorWatch.AssertClean();
    }
}
