using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.PartnerSearch;

/// <summary>Following, expressing interest (with the mail to the author) and comments, with their edit window and removal by moderators.</summary>
public sealed class PostingActivityTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private static Task<HttpResponseMessage> ActAsync(HttpClient browser, int postingId, string handler, params (string Name, string Value)[] fields) =>
        PartnerSearchScenarios.PostAsync(browser, $"/partner-search/{postingId}?handler={handler}",
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), tokenPage: $"/partner-search/{postingId}");

    [Fact]
    public async Task A_member_follows_and_unfollows_and_the_author_sees_how_many_follow()
    {
        var author = await app.MemberWithPublishedProfileAsync("Followed Cluster");
        var id = await author.PostPostingAsync("A posting to follow");
        using var follower = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());

        using var followed = await ActAsync(follower, id, "Follow");
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        using var again = await ActAsync(follower, id, "Follow");
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<PostingFollower>().CountAsync(f => f.PostingId == id)));
        var ownerView = await ClusterAtlasFactory.ParseAsync(await author.Browser.GetStringAsync(new Uri($"/partner-search/{id}", UriKind.Relative)));
        Assert.Contains("1 member follows it; 0 members expressed interest.", ownerView.QuerySelector(".posting-owner")!.TextContent, StringComparison.Ordinal);
        var followerView = await ClusterAtlasFactory.ParseAsync(await follower.GetStringAsync(new Uri($"/partner-search/{id}", UriKind.Relative)));
        Assert.Null(followerView.QuerySelector(".posting-owner"));

        using var unfollowed = await ActAsync(follower, id, "Unfollow");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PostingFollower>().CountAsync(f => f.PostingId == id)));

        using var anonymous = app.CreateBrowser();
        using var refused = await ActAsync(anonymous, id, "Follow");
        Assert.True(ProfileScenarios.IsRefusal(refused), $"anonymous follow answered {(int)refused.StatusCode}");
    }

    [Fact]
    public async Task A_member_with_several_profiles_chooses_which_one_is_interested_and_the_author_gets_a_mail_linking_it()
    {
        var author = await app.MemberWithPublishedProfileAsync("Interest Seeking Cluster");
        var id = await author.PostPostingAsync("Partners for a robotics pilot");
        var interested = await app.MemberWithPublishedProfileAsync("First Interested Cluster");
        var (secondSlug, secondId) = await app.AnotherPublishedProfileAsync(interested, "Second Interested Cluster");

        var page = await ClusterAtlasFactory.ParseAsync(await interested.Browser.GetStringAsync(new Uri($"/partner-search/{id}", UriKind.Relative)));
        Assert.Equal(2, page.QuerySelectorAll("select[name=InterestProfileId] option").Length);

        using var done = await ActAsync(interested.Browser, id, "Interest", ("InterestProfileId", secondId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("InterestMessage", "We have a robot cell free in March."));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var mail = await app.LatestMailAsync(author.Email, "Second Interested Cluster is interested in your partner search");
        Assert.Contains("We have a robot cell free in March.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Partners for a robotics pilot", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/cluster-organisations/{secondSlug}", ClusterAtlasFactory.LinkIn(mail, $"/cluster-organisations/{secondSlug}").OriginalString);
        Assert.Contains($"/partner-search/{id}", mail.TextBody, StringComparison.Ordinal);

        var ownerView = await ClusterAtlasFactory.ParseAsync(await author.Browser.GetStringAsync(new Uri($"/partner-search/{id}", UriKind.Relative)));
        var owner = ownerView.QuerySelector(".posting-owner")!;
        Assert.Contains("0 members follow it; 1 member expressed interest.", owner.TextContent, StringComparison.Ordinal);
        Assert.Contains(owner.QuerySelectorAll(".interests a"), a => a.GetAttribute("href") == $"/cluster-organisations/{secondSlug}");

        using var twice = await ActAsync(interested.Browser, id, "Interest", ("InterestProfileId", secondId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Single(app.MailTo(author.Email), m => (m.Subject ?? "").Contains("is interested", StringComparison.Ordinal));

        using var withdrawn = await ActAsync(interested.Browser, id, "WithdrawInterest");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PostingInterest>().CountAsync(i => i.PostingId == id)));
    }

    [Fact]
    public async Task Interest_is_refused_for_a_profile_the_member_does_not_administer_and_for_the_posting_profile_itself()
    {
        var author = await app.MemberWithPublishedProfileAsync("Guarded Interest Cluster");
        var id = await author.PostPostingAsync("Nobody may speak for others");
        var member = await app.MemberWithPublishedProfileAsync("Honest Cluster");
        var before = await app.PartnerSearchSnapshotAsync();

        using var foreign = await ActAsync(member.Browser, id, "Interest", ("InterestProfileId", author.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        using var own = await ActAsync(author.Browser, id, "Interest", ("InterestProfileId", author.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal(before, await app.PartnerSearchSnapshotAsync());
        Assert.DoesNotContain(app.MailTo(author.Email), m => (m.Subject ?? "").Contains("is interested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comments_thread_one_level_and_their_author_edits_them_for_fifteen_minutes_only()
    {
        var author = await app.MemberWithPublishedProfileAsync("Commented Cluster");
        var id = await author.PostPostingAsync("A posting to discuss");
        using var commenter = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());

        using var posted = await ActAsync(commenter, id, "Comment", ("CommentText", "Is the deadline firm?"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var first = await app.WithDbAsync(db => db.Set<PostingComment>().SingleAsync(c => c.PostingId == id));
        using var reply = await ActAsync(author.Browser, id, "Comment", ("CommentText", "Yes, it is."), ("ReplyTo", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var second = await app.WithDbAsync(db => db.Set<PostingComment>().SingleAsync(c => c.PostingId == id && c.ParentId != null));
        using var replyToReply = await ActAsync(commenter, id, "Comment", ("CommentText", "Thanks."), ("ReplyTo", second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var comments = await app.WithDbAsync(db => db.Set<PostingComment>().Where(c => c.PostingId == id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([null, first.Id, first.Id], comments.Select(c => c.ParentId));

        var page = await app.GetDocumentAsync($"/partner-search/{id}");
        Assert.Equal(2, page.QuerySelectorAll(".comment-replies .comment").Length);

        var editPath = $"/partner-search/{id}/comments/{first.Id}/edit";
        using var edited = await PartnerSearchScenarios.PostAsync(commenter, editPath, [new("Text", "Is the deadline firm, or can it move?")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Is the deadline firm, or can it move?", (await app.WithDbAsync(db => db.Set<PostingComment>().SingleAsync(c => c.Id == first.Id))).Text);

        using var notYours = await commenter.GetAsync(new Uri($"/partner-search/{id}/comments/{second.Id}/edit", UriKind.Relative));
        Assert.True(ProfileScenarios.IsRefusal(notYours), $"editing another's comment answered {(int)notYours.StatusCode}");

        // Sixteen minutes later the window is shut.
        await app.WithDbAsync(db => db.Set<PostingComment>().Where(c => c.Id == first.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-16))));
        using var late = await PartnerSearchScenarios.PostAsync(commenter, editPath, [new("Text", "Too late")], tokenPage: $"/partner-search/{id}");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Is the deadline firm, or can it move?", (await app.WithDbAsync(db => db.Set<PostingComment>().SingleAsync(c => c.Id == first.Id))).Text);
    }

    [Fact]
    public async Task A_moderator_removes_a_comment_with_a_reason_that_takes_its_place_and_reaches_its_author()
    {
        var author = await app.MemberWithPublishedProfileAsync("Moderated Cluster");
        var id = await author.PostPostingAsync("A posting with spam below");
        var spammerEmail = ClusterAtlasFactory.NewEmail();
        using var spammer = await app.RegisterAndSignInAsync(spammerEmail);
        using var posted = await ActAsync(spammer, id, "Comment", ("CommentText", "Buy cheap watches at example.com"));
        var comment = await app.WithDbAsync(db => db.Set<PostingComment>().SingleAsync(c => c.PostingId == id));
        var removePath = $"/partner-search/{id}/comments/{comment.Id}/remove";

        using var refused = await PartnerSearchScenarios.PostAsync(author.Browser, removePath, [new("Reason", "I do not like it")], tokenPage: $"/partner-search/{id}");
        Assert.True(ProfileScenarios.IsRefusal(refused), $"a member removing a comment answered {(int)refused.StatusCode}");

        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        using var noReason = await PartnerSearchScenarios.PostAsync(moderator, removePath, [new("Reason", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Null((await app.WithDbAsync(db => db.Set<PostingComment>().SingleAsync(c => c.Id == comment.Id))).RemovedAt);

        using var removed = await PartnerSearchScenarios.PostAsync(moderator, removePath, [new("Reason", "Advertising unrelated to the partner search.")]);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var page = await app.GetDocumentAsync($"/partner-search/{id}");
        var shown = page.QuerySelector($"#comment-{comment.Id}")!.TextContent;
        Assert.Contains("Removed by a moderator: Advertising unrelated to the partner search.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("cheap watches", shown, StringComparison.Ordinal);
        var mail = await app.LatestMailAsync(spammerEmail, "Your comment on “A posting with spam below” was removed");
        Assert.Contains("Advertising unrelated to the partner search.", mail.TextBody, StringComparison.Ordinal);
    }
}
