using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Moderation.ModerationScenario;

namespace ClusterAtlas.Tests.Moderation;

/// <summary>The edits feed as the validation team works through it: reverting chosen fields with a reason, and marking changes as reviewed.</summary>
public sealed class RevertAndReviewTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_revert_of_one_field_is_confirmed_first_needs_a_reason_and_tells_the_administrators_in_their_language()
    {
        var profile = await app.SubmittedProfileAsync("Field Revert Cluster", description: "Foundries and forges of the Banat.");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await ApproveAsync(moderator, profile);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == profile.AdministratorEmail)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "de")));
        var edit = await app.EditAsync(profile, form =>
        {
            form[nameof(ClusterOrganisation.ShortDescription)] = "Buy cheap watches here.";
            form[nameof(ClusterOrganisation.City)] = "Zrenjanin";
        });
        var url = $"/moderation/edits/{edit.Id}/revert?field={nameof(ClusterOrganisation.ShortDescription)}";

        // The confirmation shows each field of the change, with what it holds now and what it would get back; only the one asked for is ticked.
        var page = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri(url, UriKind.Relative)));
        var fields = page.QuerySelectorAll(".revert-field").ToDictionary(f => f.QuerySelector("label")!.TextContent.Trim());
        Assert.Equal(["Short description", "City"], fields.Keys);
        Assert.True(fields["Short description"].QuerySelector("input[type=checkbox]")!.HasAttribute("checked"));
        Assert.False(fields["City"].QuerySelector("input[type=checkbox]")!.HasAttribute("checked"));
        Assert.Equal(["Buy cheap watches here.", "Foundries and forges of the Banat."], fields["Short description"].QuerySelectorAll("dd").Select(d => d.TextContent.Trim()));
        Assert.Equal(["Zrenjanin", "Novi Sad"], fields["City"].QuerySelectorAll("dd").Select(d => d.TextContent.Trim()));
        Assert.Equal("Buy cheap watches here.", (await app.StoredAsync(profile.Id)).ShortDescription);

        // No reason: refused next to the field, nothing written.
        var actions = (await app.ActionsAsync(profile.Id)).Count;
        using (var noReason = await moderator.SubmitFormAsync(url, new() { ["Reason"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.StartsWith("Give the reason", (await ClusterAtlasFactory.FieldErrorsAsync(noReason))["Reason"], StringComparison.Ordinal);
        }
        Assert.Equal(actions, (await app.ActionsAsync(profile.Id)).Count);
        Assert.Equal("Buy cheap watches here.", (await app.StoredAsync(profile.Id)).ShortDescription);

        using var reverted = await RevertedAsync(moderator, edit.Id, "Advertising is not a description of the cluster.", nameof(ClusterOrganisation.ShortDescription));

        Assert.Equal($"/moderation/edits?reverted={edit.Id}", reverted.Headers.Location!.PathAndQuery());
        var stored = await app.StoredAsync(profile.Id);
        Assert.Equal("Foundries and forges of the Banat.", stored.ShortDescription);
        Assert.Equal("Zrenjanin", stored.City);
        // A revision like any edit, naming the one it reverts and only the field it gave back.
        var revert = await app.WithDbAsync(db => db.ProfileRevisions.AsNoTracking().Where(r => r.ClusterOrganisationId == profile.Id).OrderBy(r => r.Id).LastAsync());
        Assert.Equal(RevisionKind.Reverted, revert.Kind);
        Assert.Equal(edit.Id, revert.RevertsRevisionId);
        Assert.Equal(nameof(ClusterOrganisation.ShortDescription), revert.ChangedFields);
        var action = (await app.ActionsAsync(profile.Id)).Last();
        Assert.Equal(ModerationActionKind.Reverted, action.Action);
        Assert.Equal($"Revision {edit.Id} by Profile Administrator <{profile.AdministratorEmail}>", action.Detail![..action.Detail!.IndexOf(" at ", StringComparison.Ordinal)]);
        Assert.EndsWith(": Short description. Reason: Advertising is not a description of the cluster.", action.Detail, StringComparison.Ordinal);

        // The administrator reads it in German, with the reason and a link from the platform's configured address.
        var mail = await app.LatestMailAsync(profile.AdministratorEmail, "Eine Änderung an Ihrem Clusterprofil wurde zurückgesetzt");
        Assert.Contains("Das Validierungsteam hat diesen Feldern von Field Revert Cluster ihre früheren Werte zurückgegeben: Kurzbeschreibung.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Advertising is not a description of the cluster.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Advertising is not a description of the cluster.", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/cluster-organisations/{profile.Slug}/revisions", mail.TextBody, StringComparison.Ordinal);

        // The city can still be reverted on its own; the short description is no longer offered.
        var feed = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/edits?show=all", UriKind.Relative)));
        Assert.NotNull(feed.QuerySelector($"article[aria-labelledby='revision-{edit.Id}'] a.revert-link"));
        var again = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri($"/moderation/edits/{edit.Id}/revert", UriKind.Relative)));
        var ticked = again.QuerySelectorAll(".revert-field input[checked]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([nameof(ClusterOrganisation.City)], ticked);
    }

    [Fact]
    public async Task A_revert_needs_a_ticked_field_and_is_refused_when_the_profile_changed_since_the_confirmation_was_shown()
    {
        var profile = await app.SubmittedProfileAsync("Careful Revert Cluster", description: "Original words.");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await ApproveAsync(moderator, profile);
        var edit = await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.ShortDescription)] = "Changed words.");
        var url = new Uri($"/moderation/edits/{edit.Id}/revert", UriKind.Relative);
        var page = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(url));
        var form = page.QuerySelector("main form[method=post]")!;
        form.QuerySelector("input[type=checkbox]")!.RemoveAttribute("checked");

        using (var nothingTicked = await moderator.PostFormAsync(form, url, new() { ["Reason"] = "Spam." }))
        {
            Assert.Equal(HttpStatusCode.OK, nothingTicked.StatusCode);
            Assert.Equal("Tick at least one field to revert.", (await ClusterAtlasFactory.FieldErrorsAsync(nothingTicked))["Fields"]);
        }

        form.QuerySelector("input[type=checkbox]")!.SetAttribute("checked", "checked");
        await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.City)] = "Kikinda");
        using var changed = await moderator.PostFormAsync(form, url, new() { ["Reason"] = "Spam." });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Someone changed this profile after you opened this page", await ClusterAtlasFactory.MainTextAsync(changed), StringComparison.Ordinal);
        Assert.Equal("Changed words.", (await app.StoredAsync(profile.Id)).ShortDescription);
        Assert.DoesNotContain(await app.ActionsAsync(profile.Id), a => a.Action == ModerationActionKind.Reverted);
        Assert.DoesNotContain(app.MailTo(profile.AdministratorEmail), m => m.Subject == "A change to your cluster profile was reverted");
    }

    [Fact]
    public async Task The_feed_shows_what_nobody_reviewed_yet_and_keeps_who_reviewed_what_and_when()
    {
        var profile = await app.SubmittedProfileAsync("Reviewed Feed Cluster");
        var moderatorEmail = ClusterAtlasFactory.NewEmail();
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator, moderatorEmail);
        await ApproveAsync(moderator, profile);
        var first = await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.Acronym)] = "RFC");
        var second = await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.City)] = "Sombor");
        var feedUrl = new Uri("/moderation/edits", UriKind.Relative);

        var feed = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(feedUrl));
        var entry = feed.QuerySelector($"article[aria-labelledby='revision-{first.Id}']")!;
        Assert.Null(entry.QuerySelector(".edit-reviewed"));
        var before = DateTimeOffset.UtcNow;
        using (var marked = await moderator.PostFormAsync(entry.QuerySelector("form.review-form")!, feedUrl, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
            var after = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri(marked.Headers.Location!.PathAndQuery(), UriKind.Relative)));
            Assert.Contains("Changes marked as reviewed: 1.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(after.QuerySelector($"article[aria-labelledby='revision-{first.Id}']"));
            Assert.NotNull(after.QuerySelector($"article[aria-labelledby='revision-{second.Id}']"));
        }
        var review = await app.WithDbAsync(db => db.EditReviews.AsNoTracking().SingleAsync(r => r.ProfileRevisionId == first.Id));
        Assert.Contains(moderatorEmail, review.ReviewerName, StringComparison.Ordinal);
        Assert.Equal(await app.WithDbAsync(db => db.Users.Where(u => u.Email == moderatorEmail).Select(u => u.Id).SingleAsync()), review.ReviewerUserId);
        Assert.InRange(review.ReviewedAt, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));

        // All changes: the reviewed one says by whom, and offers no second review.
        var all = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/edits?show=all", UriKind.Relative)));
        var reviewed = all.QuerySelector($"article[aria-labelledby='revision-{first.Id}']")!;
        Assert.Contains(moderatorEmail, reviewed.QuerySelector(".edit-reviewed")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(reviewed.QuerySelector(".edit-reviewed time[datetime]"));
        Assert.Null(reviewed.QuerySelector("form.review-form"));

        // "Mark all shown" marks what the page showed, not a change that arrived after it was opened.
        feed = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(feedUrl));
        var markAll = feed.QuerySelector("form.mark-all-form")!;
        Assert.Contains(markAll.QuerySelectorAll("input[name=revisionIds]"), i => i.GetAttribute("value") == Text((int)second.Id));
        var late = await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.City)] = "Apatin");
        using (var markedAll = await moderator.PostFormAsync(markAll, feedUrl, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, markedAll.StatusCode);
        }
        var open = await app.WithDbAsync(db => db.ProfileRevisions.AsNoTracking()
            .Where(r => r.ClusterOrganisationId == profile.Id && r.ProfileStatus == ClusterAtlas.Profiles.ProfileStatus.Published && !db.EditReviews.Any(e => e.ProfileRevisionId == r.Id))
            .Select(r => r.Id).ToListAsync());
        Assert.Equal([late.Id], open);
        Assert.Equal(review.ReviewedAt, (await app.WithDbAsync(db => db.EditReviews.AsNoTracking().SingleAsync(r => r.ProfileRevisionId == first.Id))).ReviewedAt);
    }
}
