using ClusterAtlas.Profiles;
using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Moderation.ModerationScenario;

namespace ClusterAtlas.Tests.Moderation;

/// <summary>Who may use the moderation pages (acting staff only), and that the pages are valid, accessible HTML.</summary>
public sealed class ModerationPagesTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Members_anonymous_visitors_and_staff_without_two_factor_are_refused_every_page_and_action_and_nothing_changes()
    {
        var profile = await app.SubmittedProfileAsync("Guarded Queue Cluster");
        var published = await app.SubmittedProfileAsync("Guarded Published Cluster");
        using (var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator))
        {
            await ApproveAsync(moderator, published);
        }
        var edit = await app.EditAsync(published, form => form[nameof(ClusterOrganisation.ShortDescription)] = "A change nobody may revert but staff.");
        // The profile's own administrator is a member like any other here.
        using var administrator = await app.SignInAsync(profile.AdministratorEmail);
        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var staffEmail = ClusterAtlasFactory.NewEmail();
        await app.AddStaffAsync(staffEmail, AccountRoles.Moderator);
        using var staffWithoutTwoFactor = await app.SignInAsync(staffEmail);
        using var anonymous = app.CreateBrowser();
        var before = await SnapshotAsync(profile.Id, published.Id);
        var token = (await app.StoredAsync(profile.Id)).ConcurrencyToken.ToString();

        string[] pages = ["/moderation", "/moderation?page=2", $"/moderation/profiles/{profile.Id}", $"/moderation/profiles/{published.Id}", "/moderation/edits", "/moderation/edits?show=all", $"/moderation/edits/{edit.Id}/revert", "/moderation/audit",
            "/moderation/audit?kind=Rejected&from=2020-01-01"];
        (string Url, Dictionary<string, string> Fields)[] posts =
        [
            ($"/moderation/profiles/{profile.Id}?handler=Approve", new() { ["Token"] = token, ["WaiveCriteria"] = "true" }),
            ($"/moderation/profiles/{profile.Id}?handler=Reject", new() { ["Token"] = token, ["Reason"] = "Taken over" }),
            ($"/moderation/edits/{edit.Id}/revert", new() { ["field"] = "ShortDescription", ["Reason"] = "Taken over", ["Token"] = (await app.StoredAsync(published.Id)).ConcurrencyToken.ToString() }),
            ($"/moderation/edits?handler=MarkReviewed", new() { ["revisionId"] = edit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ($"/moderation/edits?handler=MarkAllReviewed", new() { ["revisionIds"] = edit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        ];
        foreach (var (who, browser, refusedTo) in new[]
        {
            ("member", member, "/account/access-denied"),
            ("profile administrator", administrator, "/account/access-denied"),
            ("anonymous visitor", anonymous, "/account/login"),
            ("moderator without two-factor authentication", staffWithoutTwoFactor, "/account/two-factor/setup"),
        })
        {
            foreach (var url in pages)
            {
                using var get = await browser.GetAsync(new Uri(url, UriKind.Relative));
                AssertRefused(get, refusedTo, $"GET {url} as {who}");
            }
            foreach (var (url, fields) in posts)
            {
                // With a valid antiforgery token (from a page the browser may open), so that only authorisation can refuse.
                using var post = await PostWithTokenAsync(browser, browser == anonymous ? "/account/login" : "/", url, fields);
                if (browser == anonymous)
                {
                    // A form sent without a session is answered with the "session ended" page, not a redirect.
                    Assert.True(post.StatusCode == HttpStatusCode.Unauthorized, $"POST {url} as {who}: answered {(int)post.StatusCode}");
                    continue;
                }
                AssertRefused(post, refusedTo, $"POST {url} as {who}");
            }
            var home = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri("/", UriKind.Relative)));
            Assert.Null(home.QuerySelector("header a[href='/moderation']"));
        }

        Assert.Equal(before, await SnapshotAsync(profile.Id, published.Id));
    }

    [Theory]
    [InlineData(AccountRoles.Moderator)]
    [InlineData(AccountRoles.Administrator)]
    public async Task Staff_with_two_factor_find_moderation_in_the_header(string role)
    {
        using var staff = await app.SignInAsStaffAsync(role);
        var home = await ClusterAtlasFactory.ParseAsync(await staff.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Equal("Moderation", home.QuerySelector("header nav a[href='/moderation']")?.TextContent);
        using var queue = await staff.GetAsync(new Uri("/moderation", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task The_audit_log_is_paged_newest_first()
    {
        var marker = UniqueWord();
        var start = DateTimeOffset.UtcNow.AddHours(1);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 55; i++)
            {
                db.ModerationActions.Add(new ClusterAtlas.Moderation.ModerationAction
                {
                    At = start.AddSeconds(i), ModeratorName = "Paging Moderator", Action = ClusterAtlas.Moderation.ModerationActionKind.Rejected,
                    ProfileName = $"{marker} {i}", Detail = "Paging",
                });
            }
            return await db.SaveChangesAsync();
        });
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);

        var first = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/audit", UriKind.Relative)));
        var second = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/audit?page=2", UriKind.Relative)));

        string[] Names(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("table.audit-log tbody tr td:nth-child(4)").Select(td => td.TextContent.Trim())];
        Assert.Equal(50, Names(first).Length);
        Assert.Equal($"{marker} 54", Names(first)[0]);
        Assert.Equal($"{marker} 5", Names(first)[^1]);
        Assert.Equal($"{marker} 4", Names(second)[0]);
        Assert.Contains("Page 2 of", second.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/moderation/audit?page=1", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        // Not a number: a 400 that says so (Pages/SignedInListPagingTests); out of range: the nearest page, without an error.
        using (var wrong = await moderator.GetAsync(new Uri("/moderation/edits?page=x", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var said = await ClusterAtlasFactory.ParseAsync(await wrong.Content.ReadAsStringAsync());
            Assert.Equal("page: 'page' must be a whole number from 1 up; got 'x'.", said.QuerySelector("main li")?.TextContent.Trim());
        }
        var beyond = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/audit?page=999", UriKind.Relative)));
        Assert.Contains(beyond.QuerySelectorAll("table.audit-log tbody tr td:nth-child(4)"), td => td.TextContent.Trim() == $"{marker} 0");
    }

    [Fact]
    public async Task A_profile_that_does_not_exist_is_not_found()
    {
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        using var response = await moderator.GetAsync(new Uri("/moderation/profiles/999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_moderation_pages_are_valid_html()
    {
        var waiting = await app.SubmittedProfileAsync("Valid Html Waiting Cluster", meetsCriteria: false, programme: "Valid Programme");
        var hopeless = await app.SubmittedProfileAsync("Valid Html Hopeless Cluster", meetsCriteria: false);
        var published = await app.SubmittedProfileAsync("Valid Html Published Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await ApproveAsync(moderator, published);
        var edit = await app.EditAsync(published, form =>
        {
            form[nameof(ClusterOrganisation.ShortDescription)] = "Changed <b>words</b> & more.";
            form[nameof(ClusterOrganisation.City)] = null;
        });
        await app.EditAsync(published, form => form[nameof(ClusterOrganisation.ShortDescription)] = "Changed again.");
        using (var reject = await moderator.SubmitFormAsync($"/moderation/profiles/{hopeless.Id}", new() { ["Reason"] = "Too small & no programme." }, RejectForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        }

        foreach (var url in new[]
        {
            "/", "/moderation", $"/moderation?decided={published.Id}", $"/moderation/profiles/{waiting.Id}", $"/moderation/profiles/{hopeless.Id}",
            $"/moderation/profiles/{published.Id}", "/moderation/edits", $"/moderation/edits?reverted={edit.Id}", "/moderation/audit", "/moderation/audit?page=7",
            "/moderation/edits?show=all&reviewed=2", $"/moderation/edits/{edit.Id}/revert", $"/moderation/edits/{edit.Id}/revert?field=City",
            "/moderation/audit?kind=Rejected&actor=a&subject=b&from=2020-01-01&to=2030-12-31", "/moderation/audit?kind=Nothing&from=yesterday&to=2020-13-01",
        })
        {
            using var response = await moderator.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), url);
        }
        using (var notAPage = await moderator.GetAsync(new Uri("/moderation/edits?page=x", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notAPage.StatusCode);
            await HtmlValidator.AssertValidAsync(await notAPage.Content.ReadAsStringAsync(), "/moderation/edits?page=x");
        }
        using var errors = await moderator.SubmitFormAsync($"/moderation/profiles/{waiting.Id}", [], ApproveForm);
        await HtmlValidator.AssertValidAsync(await errors.Content.ReadAsStringAsync(), "approval refused");
        using var noReason = await moderator.SubmitFormAsync($"/moderation/profiles/{waiting.Id}", [], RejectForm);
        await HtmlValidator.AssertValidAsync(await noReason.Content.ReadAsStringAsync(), "rejection without a reason");
        using var revertWithoutReason = await RevertAsync(moderator, edit.Id, " ");
        Assert.Equal(HttpStatusCode.OK, revertWithoutReason.StatusCode);
        await HtmlValidator.AssertValidAsync(await revertWithoutReason.Content.ReadAsStringAsync(), "revert without a reason");
    }

    [Fact]
    public async Task The_moderation_pages_speak_Serbian()
    {
        var profile = await app.SubmittedProfileAsync("Serbian Review Cluster", meetsCriteria: false, programme: "Program");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        moderator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sr-Latn");
        var queue = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation", UriKind.Relative)));
        Assert.Equal("sr-Latn", queue.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("Validation queue", queue.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var review = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri($"/moderation/profiles/{profile.Id}", UriKind.Relative)));
        Assert.DoesNotContain("Waive the unmet criteria", review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static void AssertRefused(HttpResponseMessage response, string refusedTo, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: answered {(int)response.StatusCode}");
        Assert.StartsWith(refusedTo, response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    private Task<string> SnapshotAsync(params int[] ids) => app.WithDbAsync(async db =>
    {
        var profiles = await db.ClusterOrganisations.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id)
            .Select(p => $"{p.Id}|{p.Status}|{p.ConcurrencyToken}|{p.RejectionReason}|{p.ShortDescription}").ToListAsync();
        var actions = await db.ModerationActions.CountAsync();
        var revisions = await db.ProfileRevisions.CountAsync();
        var reviews = await db.EditReviews.CountAsync();
        return $"{string.Join(";", profiles)}|{actions}|{revisions}|{reviews}";
    });
}
