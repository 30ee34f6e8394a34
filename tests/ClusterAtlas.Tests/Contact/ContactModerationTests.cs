using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Contact;
using ClusterAtlas.Moderation;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Contact;

/// <summary>Who sees a conversation (its two sides only), spam reports, and the moderators' decisions on them.</summary>
public sealed class ContactModerationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Only_the_sender_and_the_current_administrators_open_a_conversation_moderators_included_refused()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Private Conversation Cluster");
        var sender = await app.MemberWithPublishedProfileAsync("Private Sender Cluster");
        var id = await ContactScenarios.SendRequestAsync(sender.Browser, recipient.Slug, "Between us");
        var otherAdministrator = await app.MemberWithPublishedProfileAsync("Unrelated Cluster");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        using var anonymous = app.CreateBrowser();
        var before = await app.ContactSnapshotAsync();

        foreach (var (who, browser) in new[] { ("stranger", stranger), ("other administrator", otherAdministrator.Browser), ("moderator", moderator) })
        {
            using var get = await browser.GetAsync(new Uri($"/account/inbox/{id}", UriKind.Relative));
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"{who} GET answered {(int)get.StatusCode}");
            using var answer = await ContactScenarios.ActAsync(browser, id, "Answer", ("Answer", "Let me in"));
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{who} answer answered {(int)answer.StatusCode}");
            using var report = await ContactScenarios.ActAsync(browser, id, "Report");
            Assert.True(report.StatusCode == HttpStatusCode.NotFound, $"{who} report answered {(int)report.StatusCode}");
            Assert.DoesNotContain("Between us", await browser.GetStringAsync(new Uri("/account/inbox", UriKind.Relative)), StringComparison.Ordinal);
        }
        using var anonymousGet = await anonymous.GetAsync(new Uri($"/account/inbox/{id}", UriKind.Relative));
        Assert.StartsWith("/account/login", anonymousGet.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        // The sender cannot report their own request.
        using var senderReport = await ContactScenarios.ActAsync(sender.Browser, id, "Report");
        Assert.True(ClusterAtlas.Tests.Profiles.ProfileScenarios.IsRefusal(senderReport), $"sender's report answered {(int)senderReport.StatusCode}");
        Assert.Equal(before, await app.ContactSnapshotAsync());

        // An administrator removed from the profile no longer sees its conversations.
        await app.WithDbAsync(db => db.ProfileAdministrators.Where(a => a.ClusterOrganisationId == recipient.ProfileId).ExecuteDeleteAsync());
        using var former = await recipient.Browser.GetAsync(new Uri($"/account/inbox/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, former.StatusCode);
        using var stillSender = await sender.Browser.GetAsync(new Uri($"/account/inbox/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillSender.StatusCode);
    }

    [Fact]
    public async Task A_reported_request_reaches_the_moderators_who_block_its_sender_with_a_reason_or_dismiss_it_all_audited()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Spammed Cluster");
        var spammerEmail = ClusterAtlasFactory.NewEmail();
        using var spammer = await app.RegisterAndSignInAsync(spammerEmail);
        var spam = await ContactScenarios.SendRequestAsync(spammer, recipient.Slug, "Cheap watches");
        var honest = await app.MemberWithPublishedProfileAsync("Honest Sender Cluster");
        var fine = await ContactScenarios.SendRequestAsync(honest.Browser, recipient.Slug, "A real question");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);

        var empty = await ContactScenarios.PageAsync(moderator, "/moderation/contact-reports");
        Assert.Empty(empty.QuerySelectorAll("article.contact-report"));

        using var reported = await ContactScenarios.ActAsync(recipient.Browser, spam, "Report", ("ReportReason", "Advertising"));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        using var reportedToo = await ContactScenarios.ActAsync(recipient.Browser, fine, "Report");
        var page = await ContactScenarios.PageAsync(moderator, "/moderation/contact-reports");
        var report = page.QuerySelector($"#report-{spam}")!;
        Assert.Contains("Cheap watches", report.TextContent, StringComparison.Ordinal);
        Assert.Contains("Advertising", report.TextContent, StringComparison.Ordinal);
        Assert.Contains(spammerEmail, report.TextContent, StringComparison.Ordinal);
        // Moderators see what was reported, not the conversation page itself.
        using var notThere = await moderator.GetAsync(new Uri($"/account/inbox/{spam}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notThere.StatusCode);

        using var noReason = await ModerateAsync(moderator, "Block", spam, "");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give the reason for blocking the sender.", await ClusterAtlasFactory.MainTextAsync(noReason), StringComparison.Ordinal);
        using var blocked = await ModerateAsync(moderator, "Block", spam, "Sells watches to every cluster");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        using var dismissed = await ModerateAsync(moderator, "Dismiss", fine, "");
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Empty((await ContactScenarios.PageAsync(moderator, "/moderation/contact-reports")).QuerySelectorAll("article.contact-report"));

        var form = await ContactScenarios.PageAsync(spammer, $"/cluster-organisations/{honest.Slug}/contact");
        Assert.Contains("Sells watches to every cluster", form.QuerySelector("#blocked")!.TextContent, StringComparison.Ordinal);
        using var refused = await ContactScenarios.WriteAsync(spammer, honest.Slug, "More watches");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var answerRefused = await ContactScenarios.ActAsync(spammer, spam, "Answer", ("Answer", "Still selling"));
        Assert.Equal(HttpStatusCode.BadRequest, answerRefused.StatusCode);

        var actions = await app.WithDbAsync(db => db.ModerationActions.Where(a => a.ClusterOrganisationId == recipient.ProfileId).Select(a => a.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == ModerationActionKind.ContactReported));
        Assert.Contains(ModerationActionKind.ContactSenderBlocked, actions);
        Assert.Contains(ModerationActionKind.ContactReportDismissed, actions);
        var audit = await ContactScenarios.PageAsync(moderator, "/moderation/audit?kind=ContactSenderBlocked");
        Assert.Contains("Sells watches to every cluster", audit.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The block can be lifted, with a reason.
        var spammerId = await ClusterAtlas.Tests.Profiles.ProfileScenarios.UserIdAsync(app, spammerEmail);
        using var lifted = await PartnerSearchScenarios.PostAsync(moderator, $"/moderation/contact-reports?handler=Unblock&userId={spammerId}", [new("Reason", "Promised to stop")]);
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ContactBlock>().CountAsync(b => b.UserId == spammerId)));
    }

    private static Task<HttpResponseMessage> ModerateAsync(HttpClient moderator, string handler, int requestId, string reason) =>
        PartnerSearchScenarios.PostAsync(moderator, $"/moderation/contact-reports?handler={handler}&requestId={requestId}", [new("Reason", reason)]);
}
