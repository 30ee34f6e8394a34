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

/// <summary>The validation team's work: the queue, publishing and rejecting, the feed of edits with its reverts, the audit log.</summary>
public sealed class ModerationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task The_queue_lists_submitted_profiles_the_longest_waiting_first_with_their_criteria()
    {
        var complete = await app.SubmittedProfileAsync("Queue Complete Cluster");
        var small = await app.SubmittedProfileAsync("Queue Small Cluster", meetsCriteria: false, programme: "Serbian Cluster Programme");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);

        var page = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation", UriKind.Relative)));

        var rows = page.QuerySelectorAll("table.queue tbody tr").ToList();
        var completeRow = rows.Single(r => r.QuerySelector("th a")?.TextContent == complete.Name);
        var smallRow = rows.Single(r => r.QuerySelector("th a")?.TextContent == small.Name);
        Assert.True(rows.IndexOf(completeRow) < rows.IndexOf(smallRow), "the first submitted comes first");
        Assert.Equal($"/moderation/profiles/{complete.Id}", completeRow.QuerySelector("th a")!.GetAttribute("href"));
        var completeCells = completeRow.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Serbia", completeCells[0]);
        Assert.NotNull(completeRow.QuerySelector("td time[datetime]"));
        Assert.Equal("4 of 4 criteria", completeCells[2]);
        Assert.Equal("None named", completeCells[3]);
        var smallCells = smallRow.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("1 of 4 criteria", smallCells[2]);
        Assert.Equal("Serbian Cluster Programme", smallCells[3]);
        // The other moderation pages are a click away; drafts and published profiles are not in the queue.
        Assert.NotNull(page.QuerySelector("a[href='/moderation/edits']"));
        Assert.NotNull(page.QuerySelector("a[href='/moderation/audit']"));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains("Vojvodina Metal Cluster", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_review_page_shows_the_content_the_criteria_and_the_programmes()
    {
        var profile = await app.SubmittedProfileAsync("Review Content Cluster", meetsCriteria: false, programme: "National Metal Programme",
            description: "Founders of a foundry network.");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);

        var page = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri($"/moderation/profiles/{profile.Id}", UriKind.Relative)));

        Assert.Equal(profile.Name, page.QuerySelector("h1")!.TextContent.Trim());
        var fields = page.QuerySelectorAll(".profile-fields dt").Select(dt => (dt.TextContent.Trim(), dt.NextElementSibling!.TextContent.Trim())).ToList();
        Assert.Contains(("Short description", "Founders of a foundry network."), fields);
        Assert.Contains(("Country", "Serbia"), fields);
        Assert.Contains(fields, f => f.Item1 == "Sectoral industries" && f.Item2.Length > 0);
        Assert.DoesNotContain(fields, f => f.Item1 == "Total number of members");
        Assert.Equal(3, page.QuerySelectorAll(".criteria li.unmet").Length);
        Assert.Equal(1, page.QuerySelectorAll(".criteria li.met").Length);
        Assert.Contains("National Metal Programme", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(profile.AdministratorEmail, page.QuerySelector(".review-facts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"{ApproveForm} input[type=checkbox][name=WaiveCriteria]"));
        Assert.NotNull(page.QuerySelector($"{RejectForm} textarea[name=Reason]"));
    }

    [Fact]
    public async Task Approving_publishes_the_profile_in_the_directory_and_search_at_once_and_tells_its_administrators()
    {
        var word = UniqueWord();
        var profile = await app.SubmittedProfileAsync($"Approved {word} Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        using var anonymous = app.CreateClient();
        Assert.DoesNotContain(profile.Slug, await anonymous.GetStringAsync(new Uri($"/api/v1/cluster-organisations?q={word}", UriKind.Relative)), StringComparison.Ordinal);

        using var approved = await moderator.SubmitFormAsync($"/moderation/profiles/{profile.Id}", [], ApproveForm);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal($"/moderation?decided={profile.Id}", approved.Headers.Location!.PathAndQuery());
        var confirmation = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri(approved.Headers.Location!.PathAndQuery(), UriKind.Relative)));
        Assert.Contains($"{profile.Name} is published", confirmation.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var stored = await app.StoredAsync(profile.Id);
        Assert.Equal(ProfileStatus.Published, stored.Status);
        Assert.NotNull(stored.PublishedAt);
        Assert.False(stored.CriteriaWaived);
        Assert.Null(stored.RejectionReason);
        Assert.Contains(profile.Slug, await anonymous.GetStringAsync(new Uri($"/api/v1/cluster-organisations?q={word}", UriKind.Relative)), StringComparison.Ordinal);
        using var publicPage = await anonymous.GetAsync(new Uri($"/cluster-organisations/{profile.Slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);

        var mail = await app.LatestMailAsync(profile.AdministratorEmail, "Your cluster profile is published");
        Assert.Equal($"/cluster-organisations/{profile.Slug}", ClusterAtlasFactory.LinkIn(mail, $"/cluster-organisations/{profile.Slug}").OriginalString);
        Assert.Contains(profile.Name, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(profile.Name, mail.HtmlBody, StringComparison.Ordinal);

        var action = Assert.Single(await app.ActionsAsync(profile.Id));
        Assert.Equal(ModerationActionKind.Approved, action.Action);
        Assert.Equal(profile.Name, action.ProfileName);
        Assert.NotNull(action.ModeratorUserId);
        Assert.Null(action.Detail);

        // Decided once: a second decision is refused with a message, and nothing changes.
        using var again = await PostWithTokenAsync(moderator, $"/moderation/profiles/{profile.Id}", $"/moderation/profiles/{profile.Id}?handler=Reject",
            new() { ["Token"] = stored.ConcurrencyToken.ToString(), ["Reason"] = "Changed my mind" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Only a profile that waits for validation can be published or rejected", await ClusterAtlasFactory.MainTextAsync(again), StringComparison.Ordinal);
        Assert.Equal(ProfileStatus.Published, (await app.StoredAsync(profile.Id)).Status);
        Assert.Single(await app.ActionsAsync(profile.Id));
    }

    [Fact]
    public async Task A_profile_missing_criteria_without_a_cluster_programme_cannot_be_published()
    {
        var profile = await app.SubmittedProfileAsync("No Programme Cluster", meetsCriteria: false);
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var reviewUrl = $"/moderation/profiles/{profile.Id}";
        var page = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri(reviewUrl, UriKind.Relative)));
        Assert.Null(page.QuerySelector(ApproveForm));
        Assert.Contains("cannot be published", page.QuerySelector("#approve-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var token = (await app.StoredAsync(profile.Id)).ConcurrencyToken.ToString();

        // Posted all the same, with the waiver ticked: refused, with the reason.
        using var refused = await PostWithTokenAsync(moderator, reviewUrl, $"{reviewUrl}?handler=Approve", new() { ["Token"] = token, ["WaiveCriteria"] = "true" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("names no regional or national cluster programme", (await ClusterAtlasFactory.ParseAsync(await refused.Content.ReadAsStringAsync()))
            .QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        var stored = await app.StoredAsync(profile.Id);
        Assert.Equal(ProfileStatus.Submitted, stored.Status);
        Assert.Null(stored.PublishedAt);
        Assert.Empty(await app.ActionsAsync(profile.Id));
    }

    [Fact]
    public async Task A_profile_missing_criteria_that_names_a_programme_is_published_only_with_the_waiver_ticked()
    {
        var word = UniqueWord();
        var profile = await app.SubmittedProfileAsync($"Waived {word} Cluster", meetsCriteria: false, programme: "Regional Innovation Programme");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        var reviewUrl = $"/moderation/profiles/{profile.Id}";

        using var notTicked = await moderator.SubmitFormAsync(reviewUrl, [], ApproveForm);
        Assert.Equal(HttpStatusCode.OK, notTicked.StatusCode);
        Assert.StartsWith("Not every criterion is met", (await ClusterAtlasFactory.FieldErrorsAsync(notTicked))["WaiveCriteria"], StringComparison.Ordinal);
        Assert.Equal(ProfileStatus.Submitted, (await app.StoredAsync(profile.Id)).Status);

        await ApproveAsync(moderator, profile, waive: true);

        var stored = await app.StoredAsync(profile.Id);
        Assert.Equal(ProfileStatus.Published, stored.Status);
        Assert.True(stored.CriteriaWaived);
        var action = Assert.Single(await app.ActionsAsync(profile.Id));
        Assert.Equal(ModerationActionKind.ApprovedWithWaiver, action.Action);
        Assert.Contains("Dedicated management of at least 0.5 full-time equivalents", action.Detail, StringComparison.Ordinal);
        Assert.Contains("Regional Innovation Programme", action.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("A website", action.Detail, StringComparison.Ordinal);
        using var anonymous = app.CreateClient();
        Assert.Contains(profile.Slug, await anonymous.GetStringAsync(new Uri($"/api/v1/cluster-organisations?q={word}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_refused_next_to_the_field_and_changes_nothing()
    {
        var profile = await app.SubmittedProfileAsync("Reasonless Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var before = await app.StoredAsync(profile.Id);

        using var response = await moderator.SubmitFormAsync($"/moderation/profiles/{profile.Id}", new() { ["Reason"] = "   " }, RejectForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Give the reason", (await ClusterAtlasFactory.FieldErrorsAsync(response))["Reason"], StringComparison.Ordinal);
        var after = await app.StoredAsync(profile.Id);
        Assert.Equal(ProfileStatus.Submitted, after.Status);
        Assert.Equal(before.ConcurrencyToken, after.ConcurrencyToken);
        Assert.Empty(await app.ActionsAsync(profile.Id));
        Assert.DoesNotContain(app.MailTo(profile.AdministratorEmail), m => m.Subject == "Your cluster profile was not published");

        using var tooLong = await moderator.SubmitFormAsync($"/moderation/profiles/{profile.Id}", new() { ["Reason"] = new string('x', 2001) }, RejectForm);
        Assert.Equal("Use at most 2000 characters (there are 2001).", (await ClusterAtlasFactory.FieldErrorsAsync(tooLong))["Reason"]);
        Assert.Equal(ProfileStatus.Submitted, (await app.StoredAsync(profile.Id)).Status);
    }

    [Fact]
    public async Task Rejecting_with_a_reason_sends_the_profile_back_and_tells_its_administrators_why()
    {
        var profile = await app.SubmittedProfileAsync("Rejected Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        const string reason = "The website is a parked domain.\nPlease give the address of your own site.";

        using var response = await moderator.SubmitFormAsync($"/moderation/profiles/{profile.Id}", new() { ["Reason"] = reason }, RejectForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.StoredAsync(profile.Id);
        Assert.Equal(ProfileStatus.Rejected, stored.Status);
        Assert.Equal(reason, stored.RejectionReason);
        Assert.Null(stored.PublishedAt);
        var action = Assert.Single(await app.ActionsAsync(profile.Id));
        Assert.Equal(ModerationActionKind.Rejected, action.Action);
        Assert.Equal(reason, action.Detail);

        var mail = await app.LatestMailAsync(profile.AdministratorEmail, "Your cluster profile was not published");
        Assert.Contains("The website is a parked domain.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Please give the address of your own site.", mail.HtmlBody, StringComparison.Ordinal);
        ClusterAtlasFactory.LinkIn(mail, $"/cluster-organisations/{profile.Slug}/edit");

        // The administrator sees the reason on the profile and may submit again.
        using var administrator = await app.SignInAsync(profile.AdministratorEmail);
        var edit = await administrator.GetStringAsync(new Uri($"/cluster-organisations/{profile.Slug}/edit", UriKind.Relative));
        Assert.Contains("The website is a parked domain.", edit, StringComparison.Ordinal);
        using var publicPage = await app.CreateClient().GetAsync(new Uri($"/cluster-organisations/{profile.Slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
    }

    [Fact]
    public async Task A_decision_on_a_profile_changed_since_the_moderator_opened_it_is_refused_until_it_is_looked_at_again()
    {
        var profile = await app.SubmittedProfileAsync("Moving Target Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var reviewUrl = new Uri($"/moderation/profiles/{profile.Id}", UriKind.Relative);
        var opened = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(reviewUrl));

        await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.ShortDescription)] = "Now selling something else entirely.");
        using var refused = await moderator.PostFormAsync(opened.QuerySelector(ApproveForm)!, reviewUrl, []);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("This profile was changed after you opened it", page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Now selling something else entirely.", page.QuerySelector(".profile-fields")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ProfileStatus.Submitted, (await app.StoredAsync(profile.Id)).Status);

        // The page now shows the stored version: deciding on it works.
        using var approved = await moderator.PostFormAsync(page.QuerySelector(ApproveForm)!, reviewUrl, []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ProfileStatus.Published, (await app.StoredAsync(profile.Id)).Status);
    }

    [Fact]
    public async Task The_edits_feed_shows_changes_to_published_profiles_and_a_revert_undoes_only_the_fields_of_that_change()
    {
        var profile = await app.SubmittedProfileAsync("Feed Cluster", description: "Metal works in the Danube region.");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await ApproveAsync(moderator, profile);
        var vandalism = await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.ShortDescription)] = "Cheap watches, click here.");
        var later = await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.City)] = "Subotica");
        Assert.Equal(nameof(ClusterOrganisation.City), later.ChangedFields);

        var feed = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/edits", UriKind.Relative)));
        var articles = feed.QuerySelectorAll("article.edit").ToList();
        var laterArticle = feed.QuerySelector($"article[aria-labelledby='revision-{later.Id}']")!;
        var entry = feed.QuerySelector($"article[aria-labelledby='revision-{vandalism.Id}']")!;
        Assert.True(articles.IndexOf(laterArticle) < articles.IndexOf(entry), "newest first");
        Assert.Equal(profile.Name, entry.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal($"/cluster-organisations/{profile.Slug}", entry.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("Profile Administrator", entry.QuerySelector(".edit-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Short description", entry.QuerySelector(".changes dt")!.TextContent.Trim());
        Assert.Equal("Metal works in the Danube region.", entry.QuerySelector(".changes del")!.TextContent);
        Assert.Equal("Cheap watches, click here.", entry.QuerySelector(".changes ins")!.TextContent);
        Assert.Null(entry.QuerySelector(".edit-warning"));

        Assert.Equal($"/moderation/edits/{vandalism.Id}/revert", entry.QuerySelector("a.revert-link")!.GetAttribute("href"));

        using var reverted = await RevertedAsync(moderator, vandalism.Id, "Advertising, not a description.");

        var confirmation = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri(reverted.Headers.Location!.PathAndQuery(), UriKind.Relative)));
        Assert.Contains($"The change to {profile.Name} is reverted", confirmation.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var stored = await app.StoredAsync(profile.Id);
        Assert.Equal("Metal works in the Danube region.", stored.ShortDescription);
        Assert.Equal("Subotica", stored.City);
        var revert = await app.WithDbAsync(db => db.ProfileRevisions.AsNoTracking().Where(r => r.ClusterOrganisationId == profile.Id).OrderBy(r => r.Id).LastAsync());
        Assert.Equal(RevisionKind.Reverted, revert.Kind);
        Assert.Equal(vandalism.Id, revert.RevertsRevisionId);
        Assert.Equal(nameof(ClusterOrganisation.ShortDescription), revert.ChangedFields);
        var action = (await app.ActionsAsync(profile.Id)).Last();
        Assert.Equal(ModerationActionKind.Reverted, action.Action);
        Assert.Contains($"Revision {vandalism.Id}", action.Detail, StringComparison.Ordinal);
        Assert.Contains("Short description", action.Detail, StringComparison.Ordinal);
        // Live at once: the public page has the old text again.
        var publicPage = await app.CreateClient().GetStringAsync(new Uri($"/cluster-organisations/{profile.Slug}", UriKind.Relative));
        Assert.Contains("Metal works in the Danube region.", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Cheap watches", publicPage, StringComparison.Ordinal);

        // A revert is a review: neither the change nor the revert waits for a look any more. Among all changes, the
        // reverted one says so and offers no second revert; the revert itself is there, reviewed by whoever made it.
        Assert.Null(confirmation.QuerySelector($"article[aria-labelledby='revision-{vandalism.Id}']"));
        Assert.Null(confirmation.QuerySelector($"article[aria-labelledby='revision-{revert.Id}']"));
        var all = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/edits?show=all", UriKind.Relative)));
        var entryAfter = all.QuerySelector($"article[aria-labelledby='revision-{vandalism.Id}']")!;
        Assert.NotNull(entryAfter.QuerySelector(".edit-reverted"));
        Assert.NotNull(entryAfter.QuerySelector(".edit-reviewed"));
        Assert.Null(entryAfter.QuerySelector("form"));
        Assert.Null(entryAfter.QuerySelector("a.revert-link"));
        Assert.NotNull(all.QuerySelector($"article[aria-labelledby='revision-{revert.Id}'] .edit-reviewed"));
    }

    [Fact]
    public async Task Reverting_a_change_whose_field_was_changed_again_warns_first_and_reverting_it_twice_changes_nothing_more()
    {
        var profile = await app.SubmittedProfileAsync("Twice Changed Cluster", description: "First words.");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await ApproveAsync(moderator, profile);
        var first = await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.ShortDescription)] = "Second words.");
        await app.EditAsync(profile, form => form[nameof(ClusterOrganisation.ShortDescription)] = "Third words.");

        var feed = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/edits", UriKind.Relative)));
        var entry = feed.QuerySelector($"article[aria-labelledby='revision-{first.Id}']")!;
        Assert.Contains("Short description", entry.QuerySelector(".edit-warning")!.TextContent, StringComparison.Ordinal);
        // The confirmation says it too, next to the field, with the value it holds now and the one it gets back.
        var revertUrl = new Uri($"/moderation/edits/{first.Id}/revert", UriKind.Relative);
        var confirmation = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(revertUrl));
        Assert.NotNull(confirmation.QuerySelector(".revert-field .edit-warning"));
        Assert.Equal(["Third words.", "First words."], confirmation.QuerySelectorAll(".revert-field .changes dd").Select(dd => dd.TextContent.Trim()));
        var form = confirmation.QuerySelector("main form[method=post]")!;

        using var reverted = await moderator.PostFormAsync(form, revertUrl, new() { ["Reason"] = "Back to the words the members agreed on." });
        Assert.Equal(HttpStatusCode.Redirect, reverted.StatusCode);
        Assert.Equal("First words.", (await app.StoredAsync(profile.Id)).ShortDescription);

        // The same confirmation again (an old page): the profile changed since, so it is shown again as it is now; confirmed
        // again, there is nothing left to undo, said so, nothing written.
        var actions = (await app.ActionsAsync(profile.Id)).Count;
        using var stale = await moderator.PostFormAsync(form, revertUrl, new() { ["Reason"] = "Again." });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone changed this profile after you opened this page", await ClusterAtlasFactory.MainTextAsync(stale), StringComparison.Ordinal);
        var shownAgain = await ClusterAtlasFactory.ParseAsync(await stale.Content.ReadAsStringAsync());
        using var again = await moderator.PostFormAsync(shownAgain.QuerySelector("main form[method=post]")!, revertUrl, new() { ["Reason"] = "Again." });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Nothing was reverted", await ClusterAtlasFactory.MainTextAsync(again), StringComparison.Ordinal);
        Assert.Equal(actions, (await app.ActionsAsync(profile.Id)).Count);
    }

    [Fact]
    public async Task The_audit_log_lists_every_action_newest_first()
    {
        var moderatorEmail = ClusterAtlasFactory.NewEmail();
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator, moderatorEmail);
        var approved = await app.SubmittedProfileAsync("Audit Approved Cluster");
        var waived = await app.SubmittedProfileAsync("Audit Waived Cluster", meetsCriteria: false, programme: "Audit Programme");
        var rejected = await app.SubmittedProfileAsync("Audit Rejected Cluster");
        await ApproveAsync(moderator, approved);
        await ApproveAsync(moderator, waived, waive: true);
        using (var reject = await moderator.SubmitFormAsync($"/moderation/profiles/{rejected.Id}", new() { ["Reason"] = "Not a cluster organisation." }, RejectForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        }
        var edit = await app.EditAsync(approved, form => form[nameof(ClusterOrganisation.Acronym)] = "AAC");
        using (await RevertedAsync(moderator, edit.Id, "An acronym nobody uses."))
        {
        }

        var log = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/audit", UriKind.Relative)));

        var rows = log.QuerySelectorAll("table.audit-log tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray())
            .Where(cells => cells[1].Contains(moderatorEmail, StringComparison.Ordinal))
            .Select(cells => (Action: cells[2], Profile: cells[3], Detail: cells[4]))
            .ToList();
        Assert.Equal(
            [("Change reverted", approved.Name), ("Rejected", rejected.Name), ("Published, criteria waived", waived.Name), ("Published", approved.Name)],
            rows.Select(r => (r.Action, r.Profile)));
        Assert.Contains("Acronym", rows[0].Detail, StringComparison.Ordinal);
        Assert.EndsWith("Reason: An acronym nobody uses.", rows[0].Detail, StringComparison.Ordinal);
        Assert.Equal("Not a cluster organisation.", rows[1].Detail);
        Assert.Contains("Audit Programme", rows[2].Detail, StringComparison.Ordinal);
        Assert.NotNull(log.QuerySelector($"table.audit-log a[href='/moderation/profiles/{rejected.Id}']"));
        Assert.NotNull(log.QuerySelector("table.audit-log time[datetime]"));
    }
}
