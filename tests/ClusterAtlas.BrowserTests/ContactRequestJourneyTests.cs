using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// A contact request in a real browser: a member writes from a profile page, the profile's administrator answers in the
/// inbox, and the member sees the answer. axe checks the form, the inbox and the conversation.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContactRequestJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Send_a_request_from_a_profile_page_the_recipient_answers_in_the_inbox_the_sender_sees_it()
    {
        var unique = "Ferrowind" + Guid.NewGuid().ToString("N")[..6];
        var managerEmail = $"manager-{unique.ToLowerInvariant()}@example.org";
        var senderEmail = $"sender-{unique.ToLowerInvariant()}@example.org";
        var managerSlug = await app.MemberWithPublishedProfileAsync(managerEmail, "Marta Manager", $"{unique} Steel Cluster");
        await app.MemberWithPublishedProfileAsync(senderEmail, "Sava Sender", $"{unique} Robotics Cluster");

        // 1. The sender writes from the profile page, for their own cluster, with a meeting time.
        await using var senderTab = await app.OpenTabAsync();
        var sender = senderTab.Page;
        var senderWatch = senderTab.Watch;
        await JourneySteps.SignInAsync(sender, senderEmail);
        await sender.GotoAsync($"/cluster-organisations/{managerSlug}");
        await sender.GetByRole(AriaRole.Link, new() { Name = "Contact this cluster" }).First.ClickAsync();
        await Axe.AssertNoViolationsAsync(sender, "contact form");
        await sender.GetByLabel("Writing for").SelectOptionAsync(new SelectOptionValue { Label = $"{unique} Robotics Cluster" });
        await sender.GetByLabel("Subject").FillAsync("Robot welding cells");
        await sender.GetByLabel("Message").FillAsync("Could we visit your **members** in March?");
        await sender.GetByLabel("Time 1").FillAsync("2030-03-05T10:00");
        await sender.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(sender.Locator("main")).ToContainTextAsync("Your request is sent");
        var conversationPath = new Uri(sender.Url).AbsolutePath;
        await Artefacts.ScreenshotAsync(sender, "contact-1-sent");

        // 2. The manager has it by mail and in the inbox, unread, and answers there.
        var mail = await app.MailAsync(managerEmail, "Contact request: Robot welding cells");
        Assert.Equal(senderEmail, mail.ReplyTo.Mailboxes.Single().Address);
        await using var managerTab = await app.OpenTabAsync();
        var manager = managerTab.Page;
        var managerWatch = managerTab.Watch;
        await JourneySteps.SignInAsync(manager, managerEmail);
        await manager.GotoAsync("/account/inbox");
        await Assertions.Expect(manager.Locator("tr.unread")).ToContainTextAsync("Robot welding cells");
        await Axe.AssertNoViolationsAsync(manager, "inbox");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Robot welding cells" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".message-text strong")).ToHaveTextAsync("members");
        await Assertions.Expect(manager.Locator(".proposed-times time")).ToHaveAttributeAsync("datetime", new Regex("^2030-03-0[45]T"));
        await Axe.AssertNoViolationsAsync(manager, "conversation");
        await manager.GetByLabel("Your answer").FillAsync("Yes, come on 5 March.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Your answer is sent.");
        await Artefacts.ScreenshotAsync(manager, "contact-2-answered");

        // 3. The sender sees the answer, marked unread in the inbox, and is mailed.
        await app.MailAsync(senderEmail, "New answer: Robot welding cells");
        await sender.GotoAsync("/account/inbox");
        await Assertions.Expect(sender.Locator("tr.unread")).ToContainTextAsync("Robot welding cells");
        await sender.GotoAsync(conversationPath);
        await Assertions.Expect(sender.Locator(".message.theirs .message-text")).ToContainTextAsync("Yes, come on 5 March.");

        senderWatch.AssertClean();
        managerWatch.AssertClean();
    }
}
