using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// The newsletter as a visitor meets it: subscribe without an account, confirm by the mailed link, receive the weekly
/// digest (sent by the platform team's "send this week's digest now") with this week's items, and unsubscribe from the
/// digest's own link. axe checks the subscribe, confirm and unsubscribe pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class NewsletterJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Subscribe_confirm_by_the_mailed_link_receive_the_digest_and_unsubscribe()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;

        // 1. A visitor subscribes; nothing is sent but the confirmation until they confirm.
        await page.GotoAsync("/newsletter");
        await Axe.AssertNoViolationsAsync(page, "newsletter");
        await page.Locator("form:not([action*='handler=Member']) #Email").FillAsync(email);
        await page.Locator("#language-en").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).Last.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Check your inbox");

        // 2. The mailed link opens a page whose button confirms.
        var confirmation = await app.MailAsync(email, "Confirm your subscription to the ClusterAtlas newsletter");
        await page.GotoAsync(LinkTo(confirmation, "/newsletter/confirm"));
        await Axe.AssertNoViolationsAsync(page, "newsletter confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my subscription" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Done: {email} is subscribed");

        // 3. The platform team sends this week's digest; it lists what was published this week and links its web view.
        await using var staffTab = await app.OpenTabAsync();
        var staff = staffTab.Page;
        await app.SignInAsNewModeratorAsync(staff, $"editor-{Guid.NewGuid():N}@example.org");
        await staff.GotoAsync("/admin/newsletter");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send this week's digest now" }).ClickAsync();
        var digest = await DigestAsync(email);
        Assert.Contains("/cluster-organisations/", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("/newsletter/digest/", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);

        // 4. The digest's unsubscribe link: one button, and no more mail.
        await page.GotoAsync(LinkTo(digest, "/newsletter/unsubscribe"));
        await Axe.AssertNoViolationsAsync(page, "newsletter unsubscribe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Done: you get no more newsletter e-mails at {email}");
        watch.AssertClean();
    }

    /// <summary>The path and query of the message's first link to <paramref name="path"/>.</summary>
    private static string LinkTo(MimeMessage message, string path)
    {
        var link = Link().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new Xunit.Sdk.XunitException($"no link to {path} in \"{message.Subject}\":\n{message.TextBody}");
        return link.PathAndQuery;
    }

    private async Task<MimeMessage> DigestAsync(string to)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var digest = Directory.Exists(app.MailDirectory)
                ? new DirectoryInfo(app.MailDirectory).GetFiles("*.eml").Select(f => MimeMessage.Load(f.FullName))
                    .FirstOrDefault(m => (m.Subject ?? "").StartsWith("The ClusterAtlas weekly digest of ", StringComparison.Ordinal) && m.To.Mailboxes.Any(a => a.Address == to))
                : null;
            if (digest is not null)
            {
                return digest;
            }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"no weekly digest to {to}");
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
