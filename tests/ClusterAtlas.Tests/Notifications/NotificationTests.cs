using System.Net;
using ClusterAtlas.Notifications;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Notifications.NotificationScenarios;

namespace ClusterAtlas.Tests.Notifications;

/// <summary>Notifications of partner search events: who is told, the page with its unread count, and mail as each person chose per kind.</summary>
public sealed class NotificationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_comment_notifies_the_author_and_the_followers_but_not_its_writer_on_the_page_and_by_mail()
    {
        var author = await app.MemberWithPublishedProfileAsync("Notified Author Cluster");
        var id = await author.PostPostingAsync("Partners for a drying line");
        var followerEmail = ClusterAtlasFactory.NewEmail();
        using var follower = await app.RegisterAndSignInAsync(followerEmail);
        using var followed = await ActOnPostingAsync(follower, id, "Follow");
        var commenterEmail = ClusterAtlasFactory.NewEmail();
        using var commenter = await app.RegisterAndSignInAsync(commenterEmail);
        using var followedToo = await ActOnPostingAsync(commenter, id, "Follow");

        using var commented = await ActOnPostingAsync(commenter, id, "Comment", ("CommentText", "Does the line take wool?"));
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);

        foreach (var email in new[] { author.Email, followerEmail })
        {
            var mail = await app.LatestMailAsync(email, "Ana Test commented on the partner search “Partners for a drying line”");
            Assert.Contains("Does the line take wool?", mail.TextBody, StringComparison.Ordinal);
            Assert.Equal($"/partner-search/{id}", ClusterAtlasFactory.LinkIn(mail, $"/partner-search/{id}").OriginalString);
        }
        Assert.Empty(await app.NotificationsOfAsync(commenterEmail));

        var (items, header) = await NotificationPageAsync(author.Browser);
        Assert.Equal("Notifications 1 unread", header);
        Assert.Contains("Ana Test commented on the partner search “Partners for a drying line”.", Assert.Single(items), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_read_one_by_one_or_all_at_once_changes_only_the_own_notifications()
    {
        var author = await app.MemberWithPublishedProfileAsync("Read Marking Cluster");
        var id = await author.PostPostingAsync("A posting with questions");
        using var commenter = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var first = await ActOnPostingAsync(commenter, id, "Comment", ("CommentText", "First question"));
        using var second = await ActOnPostingAsync(commenter, id, "Comment", ("CommentText", "Second question"));
        var mine = await app.NotificationsOfAsync(author.Email);
        Assert.Equal(2, mine.Count);

        // Someone else's id changes nothing.
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var notMine = await PartnerSearchScenarios.PostAsync(stranger, "/account/notifications?handler=Read", [new("id", mine[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], tokenPage: "/account/notifications/settings");
        Assert.Equal(HttpStatusCode.Redirect, notMine.StatusCode);
        Assert.All(await app.NotificationsOfAsync(author.Email), n => Assert.Null(n.ReadAt));

        var page = await ClusterAtlasFactory.ParseAsync(await author.Browser.GetStringAsync(new Uri("/account/notifications", UriKind.Relative)));
        var readOne = page.QuerySelectorAll("form").First(f => f.QuerySelector($"input[name=id][value='{mine[0].Id}']") is not null);
        using var read = await author.Browser.PostFormAsync(readOne, new Uri("/account/notifications", UriKind.Relative), []);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("Notifications 1 unread", (await NotificationPageAsync(author.Browser)).HeaderLink);

        using var all = await author.Browser.SubmitFormAsync("/account/notifications", [], "form[action*='handler=ReadAll']");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.All(await app.NotificationsOfAsync(author.Email), n => Assert.NotNull(n.ReadAt));
        Assert.Equal("Notifications", (await NotificationPageAsync(author.Browser)).HeaderLink);
    }

    [Fact]
    public async Task Each_kind_is_mailed_as_chosen_immediately_in_one_daily_digest_or_not_at_all()
    {
        var author = await app.MemberWithPublishedProfileAsync("Digest Reading Cluster");
        using var chosen = await ChooseAsync(author.Browser, (NotificationKind.Comment, NotificationDelivery.DailyDigest), (NotificationKind.InterestShown, NotificationDelivery.NoEmail));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var id = await author.PostPostingAsync("Partners for a dye house");
        var other = await app.MemberWithPublishedProfileAsync("Interested Dye Cluster");
        using var interest = await ActOnPostingAsync(other.Browser, id, "Interest", ("InterestProfileId", other.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var first = await ActOnPostingAsync(other.Browser, id, "Comment", ("CommentText", "Which dyes do you use?"));
        using var second = await ActOnPostingAsync(other.Browser, id, "Comment", ("CommentText", "And which fibres?"));

        await app.NotificationsHandledAsync();
        var states = (await app.NotificationsOfAsync(author.Email)).Select(n => (n.Kind, n.MailState)).ToList();
        Assert.Equal([(NotificationKind.InterestShown, NotificationMailState.NotMailed), (NotificationKind.Comment, NotificationMailState.InDigest), (NotificationKind.Comment, NotificationMailState.InDigest)], states);
        Assert.DoesNotContain(app.MailTo(author.Email), m => m.Subject != "Confirm your e-mail address");

        // The day passes: the notifications were stored before the last digest hour, so the digest is due.
        await DayPassesAsync(author.Email);
        var digest = await app.LatestMailAsync(author.Email, "Your ClusterAtlas digest: 2 notifications");
        Assert.Contains("Which dyes do you use?", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("And which fibres?", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("is interested", digest.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost", digest.Headers["List-Unsubscribe"], StringComparison.Ordinal);

        // Once a day: a comment stored before the digest hour but handled late waits for tomorrow's digest.
        using var third = await ActOnPostingAsync(other.Browser, id, "Comment", ("CommentText", "A late question"));
        await app.NotificationsHandledAsync();
        await DayPassesAsync(author.Email);
        await Task.Delay(1000);
        Assert.Single(app.MailTo(author.Email), m => (m.Subject ?? "").StartsWith("Your ClusterAtlas digest", StringComparison.Ordinal));
        Assert.Contains((await app.NotificationsOfAsync(author.Email)), n => n.MailState == NotificationMailState.InDigest);
    }

    /// <summary>The notifications waiting for the person's digest were stored a day earlier: before the last digest hour.</summary>
    private Task<int> DayPassesAsync(string email) => app.WithDbAsync(async db =>
    {
        var waiting = await db.Set<Notification>().Where(n => n.MailState == NotificationMailState.InDigest && db.Users.Any(u => u.Id == n.UserId && u.Email == email)).ToListAsync();
        waiting.ForEach(n => n.CreatedAt = n.CreatedAt.AddDays(-1));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_deadline_reminder_and_a_contact_request_of_another_feature_are_notifications_too()
    {
        var member = await app.MemberWithPublishedProfileAsync("Reminded Cluster");
        var id = await member.PostPostingAsync("Closing soon for the notifications");
        await app.WithDbAsync(db => db.Set<PartnerSearchPosting>().Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Deadline, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3))));
        await app.WithServiceAsync<PostingDeadlines, (int, int)>(d => d.RunAsync(CancellationToken.None));
        await app.LatestMailAsync(member.Email, "Your partner search “Closing soon for the notifications” closes soon");

        // What the contact requests will call: the notification is saved by the caller's own SaveChanges.
        await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == member.Email).Select(u => u.Id).SingleAsync();
            Notifier.Add(db, userId, NotificationKind.ContactRequest, new NotificationText("Meeting in Novi Sad", Actor: "Marko Sender", Excerpt: "Shall we meet?"), "/account", DateTimeOffset.UtcNow);
            Assert.Throws<ArgumentException>(() => Notifier.Add(db, userId, NotificationKind.ContactRequest, new NotificationText("x"), "https://elsewhere.example/", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var mail = await app.LatestMailAsync(member.Email, "Marko Sender sent you a contact request: “Meeting in Novi Sad”");
        Assert.Contains("Shall we meet?", mail.TextBody, StringComparison.Ordinal);
        var (items, _) = await NotificationPageAsync(member.Browser);
        Assert.Contains(items, i => i.Contains("Your partner search “Closing soon for the notifications” closes soon", StringComparison.Ordinal));
    }
}
