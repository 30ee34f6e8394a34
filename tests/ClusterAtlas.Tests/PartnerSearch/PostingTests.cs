using System.Net;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.PartnerSearch;

/// <summary>Posting, editing and closing partner searches: who may, what is checked, where a posting shows.</summary>
public sealed class PostingTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task An_administrator_posts_for_their_profile_and_the_posting_shows_in_the_list_on_its_page_and_on_the_profile()
    {
        var member = await app.MemberWithPublishedProfileAsync("Posting Metal Cluster");
        var sector = await app.FirstTermIdAsync(Vocabulary.SectoralIndustries);
        var technology = await app.FirstTermIdAsync(Vocabulary.TechnologyFields);
        var id = await member.PostPostingAsync("Partners for laser cutting wanted", "CallInterest",
            ("Form.Text", "We answer the call **together**.\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) and [good](https://example.org/good)"),
            ("Form.CallName", "Digital Europe laser call"), ("Form.CallProgramme", "Digital Europe"), ("Form.CallLink", "www.example.org/call"),
            ("Form.Sectors", sector.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.Technologies", technology.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.TargetCountries", "DE"), ("Form.TargetCountries", "AT"),
            ("Form.Intents", "research"), ("Form.Intents", "partnering"));

        var stored = await app.PostingAsync(id);
        Assert.Equal(PostingKind.CallInterest, stored.Kind);
        Assert.Equal(member.ProfileId, stored.ProfileId);
        Assert.Equal("https://www.example.org/call", stored.CallLink);
        Assert.Equal(["DE", "AT"], stored.TargetCountries);
        Assert.Equal([PartnerSearchIntents.Partnering, PartnerSearchIntents.Research], stored.Intents);
        Assert.Equal(2, stored.Terms.Count);
        Assert.Equal(PostingStatus.Open, stored.Status);

        var page = await app.GetDocumentAsync($"/partner-search/{id}");
        Assert.Equal("Partners for laser cutting wanted", page.QuerySelector("h1")!.TextContent.Trim());
        var text = page.QuerySelector(".posting-text")!;
        Assert.NotNull(text.QuerySelector("strong"));
        Assert.Null(text.QuerySelector("script"));
        Assert.Contains("<script>", text.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(text.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(text.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org/good");
        Assert.Contains(page.QuerySelectorAll(".posting-details a"), a => a.GetAttribute("href") == "https://www.example.org/call");
        Assert.Contains("Germany", page.QuerySelector(".posting-details")!.TextContent, StringComparison.Ordinal);

        var list = await app.GetDocumentAsync("/partner-search?q=laser");
        Assert.Contains(list.QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == $"/partner-search/{id}");

        var profile = await app.GetDocumentAsync($"/cluster-organisations/{member.Slug}");
        Assert.Contains(profile.QuerySelectorAll("#partner-search a"), a => a.GetAttribute("href") == $"/partner-search/{id}");
    }

    [Fact]
    public async Task A_form_with_mistakes_names_each_field_and_stores_nothing()
    {
        var member = await app.MemberWithPublishedProfileAsync("Mistaken Cluster");
        var before = await app.PartnerSearchSnapshotAsync();
        using var response = await PartnerSearchScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/partner-search/new",
        [
            new("Form.Kind", "CallInterest"),
            new("Form.Title", ""),
            new("Form.Text", "Something"),
            new("Form.CallLink", "javascript:alert(1)"),
            new("Form.TargetCountries", "XX"),
            new("Form.Deadline", PartnerSearchScenarios.Date(-1)),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        string[] expected = ["Form.Title", "Form.CallName", "Form.CallLink", "Form.TargetCountries", "Form.Intents", "Form.Deadline"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("deadline has passed", errors["Form.Deadline"], StringComparison.Ordinal);
        Assert.Equal(before, await app.PartnerSearchSnapshotAsync());
    }

    [Fact]
    public async Task A_colleague_edits_and_closes_a_posting_and_a_closed_posting_leaves_the_list_and_the_profile()
    {
        var author = await app.MemberWithPublishedProfileAsync("Colleague Cluster");
        var id = await author.PostPostingAsync("Suppliers of castings sought");
        var colleagueEmail = ClusterAtlasFactory.NewEmail();
        using var colleague = await app.RegisterAndSignInAsync(colleagueEmail);
        var colleagueId = await app.UserIdAsync(colleagueEmail);
        await app.WithDbAsync(async db =>
        {
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = author.ProfileId, UserId = colleagueId, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        using var edited = await PartnerSearchScenarios.PostAsync(colleague, $"/partner-search/{id}/edit",
            PartnerSearchScenarios.PostingFields("Suppliers of aluminium castings sought", "CooperationRequest", ("Form.Intents", "buying")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var stored = await app.PostingAsync(id);
        Assert.Equal("Suppliers of aluminium castings sought", stored.Title);
        Assert.Equal(PostingKind.CooperationRequest, stored.Kind);
        Assert.Equal([PartnerSearchIntents.Buying], stored.Intents);
        Assert.Equal("Ana Test", stored.AuthorName);

        using var closed = await PartnerSearchScenarios.PostAsync(colleague, $"/partner-search/{id}/close", []);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(PostingStatus.Closed, (await app.PostingAsync(id)).Status);
        var list = await app.GetDocumentAsync("/partner-search?q=aluminium");
        Assert.DoesNotContain(list.QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == $"/partner-search/{id}");
        var profile = await app.GetDocumentAsync($"/cluster-organisations/{author.Slug}");
        Assert.Empty(profile.QuerySelectorAll("#partner-search"));
        var page = await app.GetDocumentAsync($"/partner-search/{id}");
        Assert.Contains("Closed", page.QuerySelector(".badges")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strangers_other_profiles_administrators_moderators_without_two_factor_and_anonymous_visitors_cannot_post_edit_or_close()
    {
        var author = await app.MemberWithPublishedProfileAsync("Guarded Cluster");
        var id = await author.PostPostingAsync("Guarded posting");
        var other = await app.MemberWithPublishedProfileAsync("Other Guarded Cluster");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var anonymous = app.CreateBrowser();
        var moderatorEmail = ClusterAtlasFactory.NewEmail();
        await app.AddStaffAsync(moderatorEmail, ClusterAtlas.Accounts.AccountRoles.Moderator);
        using var moderator = await app.SignInAsync(moderatorEmail);
        var before = await app.PartnerSearchSnapshotAsync();
        foreach (var (who, browser) in new[] { ("stranger", stranger), ("other profile's administrator", other.Browser), ("anonymous", anonymous), ("moderator without two-factor", moderator) })
        {
            foreach (var path in new[] { $"/partner-search/{id}/edit", $"/partner-search/{id}/close", $"/cluster-organisations/{author.Slug}/partner-search/new" })
            {
                using var get = await browser.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(ProfileScenarios.IsRefusal(get), $"{who}: GET {path} answered {(int)get.StatusCode}");
                using var post = await PartnerSearchScenarios.PostAsync(browser, path, PartnerSearchScenarios.PostingFields("Taken over"), tokenPage: "/cluster-organisations/register");
                Assert.True(ProfileScenarios.IsRefusal(post), $"{who}: POST {path} answered {(int)post.StatusCode}");
            }
        }
        Assert.Equal(before, await app.PartnerSearchSnapshotAsync());
    }

    [Fact]
    public async Task A_profile_that_is_not_published_cannot_post_and_its_postings_are_hidden_from_others()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);
        var slug = await ProfileScenarios.RegisterProfileAsync(browser, "Draft Posting Cluster");
        using var refused = await PartnerSearchScenarios.PostAsync(browser, $"/cluster-organisations/{slug}/partner-search/new", PartnerSearchScenarios.PostingFields("Too early"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var refusedText = await ClusterAtlasFactory.MainTextAsync(refused);
        Assert.Contains("once its profile is published", refusedText, StringComparison.Ordinal);
        Assert.Contains("Submit the profile for validation first.", refusedText, StringComparison.Ordinal);
        // Once submitted, it is the platform team's turn: no "submit first".
        await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ClusterAtlas.Profiles.ProfileStatus.Submitted)));
        using var waiting = await browser.GetAsync(new Uri($"/cluster-organisations/{slug}/partner-search/new", UriKind.Relative));
        var waitingText = await ClusterAtlasFactory.MainTextAsync(waiting);
        Assert.Contains("waiting for validation by the platform team", waitingText, StringComparison.Ordinal);
        Assert.DoesNotContain("Submit the profile", waitingText, StringComparison.Ordinal);

        // A posting whose profile went back to draft (or was archived) is not shown to anyone else.
        var member = await app.MemberWithPublishedProfileAsync("Archived Posting Cluster");
        var id = await member.PostPostingAsync("Posting of an archived profile");
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Id == member.ProfileId);
            profile.Status = ProfileStatus.Archived;
            return await db.SaveChangesAsync();
        });
        using var anonymous = app.CreateClient();
        using var hidden = await anonymous.GetAsync(new Uri($"/partner-search/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var own = await member.Browser.GetAsync(new Uri($"/partner-search/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task An_expired_posting_given_a_later_deadline_opens_again_and_will_be_reminded_again()
    {
        var member = await app.MemberWithPublishedProfileAsync("Renewing Cluster");
        var id = await member.PostPostingAsync("Renewed posting");
        await app.WithDbAsync(db => db.Set<PartnerSearchPosting>().Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostingStatus.Expired).SetProperty(p => p.ReminderSentAt, DateTimeOffset.UtcNow)));
        using var renewed = await PartnerSearchScenarios.PostAsync(member.Browser, $"/partner-search/{id}/edit",
            PartnerSearchScenarios.PostingFields("Renewed posting", "CooperationOffer", ("Form.Deadline", PartnerSearchScenarios.Date(90))));
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var stored = await app.PostingAsync(id);
        Assert.Equal(PostingStatus.Open, stored.Status);
        Assert.Null(stored.ReminderSentAt);
        Assert.Null(stored.ClosedAt);
    }
}
