using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Events;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Tests.Profiles;
using ClusterAtlas.WhatsNew;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Events;

/// <summary>Submitting, moderating, editing and attending events: who may, what is checked, who is told, where an event shows.</summary>
public sealed class EventTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_submitted_event_waits_hidden_until_a_moderator_publishes_it_and_its_submitter_is_told()
    {
        var member = await app.MemberWithPublishedProfileAsync("Event Metal Cluster");
        var moderatorEmail = ClusterAtlasFactory.NewEmail();
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator, moderatorEmail);
        var slug = await member.SubmitEventAsync("Precision machining days",
            ("Form.Description", "A **programme**.\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1))"));

        var stored = await app.EventAsync(slug);
        Assert.Equal(EventStatus.Submitted, stored.Status);
        Assert.Equal(member.ProfileId, stored.OrganiserProfileId);
        Assert.Equal("https://www.example.org/register", stored.RegistrationUrl);
        Assert.Equal(["machining", "green-deal"], stored.Tags);
        using (var anonymous = app.CreateBrowser())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/events/{slug}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/events/{slug}.ics", UriKind.Relative))).StatusCode);
        }
        Assert.DoesNotContain(slug, await app.CreateClient().GetStringAsync(new Uri("/events", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Precision machining days", (await app.LatestMailAsync(moderatorEmail, "An event waits for moderation: Precision machining days")).TextBody, StringComparison.Ordinal);
        var queue = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation", UriKind.Relative)));
        Assert.Contains(queue.QuerySelectorAll("#event-queue a"), a => a.GetAttribute("href") == $"/moderation/events/{stored.Id}");

        await moderator.PublishEventAsync(app, slug);

        Assert.Equal(EventStatus.Published, (await app.EventAsync(slug)).Status);
        var mail = await app.LatestMailAsync(member.Email, "Your event is published");
        Assert.Equal($"/events/{slug}", ClusterAtlasFactory.LinkIn(mail, $"/events/{slug}").OriginalString);
        var page = await app.GetDocumentAsync($"/events/{slug}");
        Assert.Equal("Precision machining days", page.QuerySelector("h1")!.TextContent.Trim());
        var description = page.QuerySelector(".event-description")!;
        Assert.NotNull(description.QuerySelector("strong"));
        Assert.Null(description.QuerySelector("script"));
        Assert.DoesNotContain(description.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/events/{slug}.ics");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == EventCalendar.CalendarPath);
        var list = await app.GetDocumentAsync("/events?q=machining");
        Assert.Contains(list.QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == $"/events/{slug}");
        var profile = await app.GetDocumentAsync($"/cluster-organisations/{member.Slug}");
        Assert.Contains(profile.QuerySelectorAll("#events a"), a => a.GetAttribute("href") == $"/events/{slug}");
    }

    [Fact]
    public async Task A_moderator_sends_an_event_back_with_the_reason_and_the_submitter_s_change_returns_it_to_the_queue()
    {
        var member = await app.MemberWithPublishedProfileAsync("Returned Event Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var slug = await member.SubmitEventAsync("Cluster week without a programme");
        var id = (await app.EventAsync(slug)).Id;

        using (var noReason = await moderator.SubmitFormAsync($"/moderation/events/{id}", new() { ["Reason"] = " " }, "main form[action*=SendBack]"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("Reason", (await ClusterAtlasFactory.FieldErrorsAsync(noReason)).Keys);
        }
        Assert.Equal(EventStatus.Submitted, (await app.EventAsync(slug)).Status);
        using (var sentBack = await moderator.SubmitFormAsync($"/moderation/events/{id}", new() { ["Reason"] = "Add the programme, please." }, "main form[action*=SendBack]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        }
        var stored = await app.EventAsync(slug);
        Assert.Equal(EventStatus.SentBack, stored.Status);
        Assert.Equal("Add the programme, please.", stored.ReturnReason);
        var mail = await app.LatestMailAsync(member.Email, "Your event was not published");
        Assert.Contains("Add the programme, please.", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/events/{slug}/edit", ClusterAtlasFactory.LinkIn(mail, $"/events/{slug}/edit").OriginalString);

        // Sent back, it is the submitter's until changed: the moderators may not publish it meanwhile.
        var review = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri($"/moderation/events/{id}", UriKind.Relative)));
        Assert.Null(review.QuerySelector("main form[action*=Publish]"));
        using (var publish = await PartnerSearchScenarios.PostAsync(moderator, $"/moderation/events/{id}?handler=Publish", [], $"/moderation/events/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
            Assert.Contains("Only events waiting for moderation can be published", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(EventStatus.SentBack, (await app.EventAsync(slug)).Status);

        var edit = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri($"/events/{slug}/edit", UriKind.Relative)));
        Assert.Contains("Add the programme, please.", edit.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var saved = await member.Browser.SubmitFormAsync($"/events/{slug}/edit", new() { ["Form.Description"] = "Day 1: visits. Day 2: B2B meetings." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        stored = await app.EventAsync(slug);
        Assert.Equal(EventStatus.Submitted, stored.Status);
        Assert.Equal("Day 1: visits. Day 2: B2B meetings.", stored.Description);
        Assert.Equal(slug, stored.Slug);
    }

    [Fact]
    public async Task The_platform_team_publishes_its_own_event_at_once_and_may_edit_any_event()
    {
        using var administrator = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        using var response = await administrator.SubmitFormAsync("/moderation/events/new", EventScenarios.EventFields("Platform webinar on funding", ("Form.Kind", "Webinar"), ("Form.IsOnline", "true"), ("Form.City", ""), ("Form.CountryCode", ""))
            .ToDictionary(f => f.Key, f => f.Value));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var slug = response.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0];
        var stored = await app.EventAsync(slug);
        Assert.Equal(EventStatus.Published, stored.Status);
        Assert.Null(stored.OrganiserProfileId);
        Assert.True(stored.IsOnline);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri($"/events/{slug}", UriKind.Relative))).StatusCode);

        var member = await app.MemberWithPublishedProfileAsync("Edited By Staff Cluster");
        var memberSlug = await member.SubmitEventAsync("Event the staff corrects");
        using var corrected = await administrator.SubmitFormAsync($"/events/{memberSlug}/edit", new() { ["Form.Title"] = "Event the staff corrected" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal("Event the staff corrected", (await app.EventAsync(memberSlug)).Title);
    }

    [Theory]
    [InlineData("kind=Party", "kind", "'kind' must be one of Conference, Matchmaking, Webinar, ClusterWeek, Workshop, Other; got 'Party'.")]
    [InlineData("kind=2", "kind", "'kind' must be one of Conference, Matchmaking, Webinar, ClusterWeek, Workshop, Other; got '2'.")]
    [InlineData("format=hybrid", "format", "'format' must be one of online, in-person; got 'hybrid'.")]
    public async Task A_list_filter_outside_its_closed_list_is_a_400_naming_it(string query, string parameter, string message)
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/events?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal($"{parameter}: {message}", page.QuerySelector(".alert-error li")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_known_kind_no_event_has_finds_nothing_without_an_error()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/events?kind=ClusterWeek&format=online", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_form_with_mistakes_names_each_field_and_stores_nothing()
    {
        var member = await app.MemberWithPublishedProfileAsync("Mistaken Event Cluster");
        var before = await app.EventsSnapshotAsync();
        using var response = await PartnerSearchScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/events/new",
            EventScenarios.EventFields("", ("Form.Kind", "Party"), ("Form.Start", "2027-03-30T12:00"), ("Form.End", "2027-03-30T11:00"),
                ("Form.City", ""), ("Form.CountryCode", "XX"), ("Form.RegistrationUrl", "javascript:alert(1)"), ("Form.Sectors", "No such sector")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        foreach (var field in new[] { "Form.Kind", "Form.Title", "Form.End", "Form.City", "Form.CountryCode", "Form.RegistrationUrl", "Form.Sectors" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {string.Join("; ", errors.Keys)}");
        }
        Assert.Equal("The end must be after the start.", errors["Form.End"]);

        using var zone = await PartnerSearchScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/events/new",
            EventScenarios.EventFields("Wrong zone", ("Form.TimeZone", "Central European Standard Time")));
        Assert.Contains("Form.TimeZone", (await ClusterAtlasFactory.FieldErrorsAsync(zone)).Keys);
        // 28 March 2027, 02:30 does not happen in Belgrade: the clocks go from 02:00 to 03:00.
        using var gap = await PartnerSearchScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/events/new",
            EventScenarios.EventFields("Skipped hour", ("Form.Start", "2027-03-28T02:30"), ("Form.End", "2027-03-28T05:00")));
        Assert.Contains("Form.Start", (await ClusterAtlasFactory.FieldErrorsAsync(gap)).Keys);
        Assert.Equal(before, await app.EventsSnapshotAsync());
    }

    [Fact]
    public async Task Only_those_who_may_edit_the_profile_submit_or_edit_its_events()
    {
        var member = await app.MemberWithPublishedProfileAsync("Guarded Event Cluster");
        var slug = await member.SubmitEventAsync("Guarded event");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var before = await app.EventsSnapshotAsync();
        using var submit = await PartnerSearchScenarios.PostAsync(stranger, $"/cluster-organisations/{member.Slug}/events/new", EventScenarios.EventFields("Hijacked"), "/account");
        Assert.True(ProfileScenarios.IsRefusal(submit), $"submitting for another's profile answered {(int)submit.StatusCode}");
        using var edit = await PartnerSearchScenarios.PostAsync(stranger, $"/events/{slug}/edit", EventScenarios.EventFields("Hijacked"), "/account");
        Assert.True(ProfileScenarios.IsRefusal(edit), $"editing another's event answered {(int)edit.StatusCode}");
        using var review = await PartnerSearchScenarios.PostAsync(stranger, $"/moderation/events/{(await app.EventAsync(slug)).Id}?handler=Publish", [], "/account");
        Assert.True(ProfileScenarios.IsRefusal(review), $"publishing as a member answered {(int)review.StatusCode}");
        Assert.Equal(before, await app.EventsSnapshotAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/events/{slug}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_administrator_says_their_cluster_will_be_there_and_the_event_and_the_profile_show_it()
    {
        var organiser = await app.MemberWithPublishedProfileAsync("Attended Event Organiser");
        var e = await app.StoredEventAsync("Attended workshop", organiser.ProfileId, DateTime.UtcNow.Date.AddDays(20).AddHours(10), DateTime.UtcNow.Date.AddDays(20).AddHours(12));
        var attendee = await app.MemberWithPublishedProfileAsync("Attending Cluster");

        using (var marked = await attendee.Browser.SubmitFormAsync($"/events/{e.Slug}", new(), "main form[action$=attendance]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }
        var page = await app.GetDocumentAsync($"/events/{e.Slug}");
        Assert.Contains(page.QuerySelectorAll("#attendees a"), a => a.GetAttribute("href") == $"/cluster-organisations/{attendee.Slug}");
        var profile = await app.GetDocumentAsync($"/cluster-organisations/{attendee.Slug}");
        Assert.Contains(profile.QuerySelectorAll("#events a"), a => a.GetAttribute("href") == $"/events/{e.Slug}");

        // Someone who does not administer the profile cannot mark it.
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using (var refused = await PartnerSearchScenarios.PostAsync(stranger, $"/events/{e.Slug}/attendance", [new("profile", organiser.Slug), new("attends", "true")], "/account"))
        {
            Assert.True(ProfileScenarios.IsRefusal(refused), $"marking another's profile answered {(int)refused.StatusCode}");
        }
        Assert.Single((await app.EventAsync(e.Slug)).Attendances);

        using (var unmarked = await attendee.Browser.SubmitFormAsync($"/events/{e.Slug}", new(), "main form[action$=attendance]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unmarked.StatusCode);
        }
        Assert.Empty((await app.EventAsync(e.Slug)).Attendances);
    }

    [Fact]
    public async Task What_s_new_gathers_published_events_upcoming_for_the_home_page_and_by_tag()
    {
        var upcoming = await app.StoredEventAsync("Whats new upcoming", null, DateTime.UtcNow.Date.AddDays(1).AddHours(10), DateTime.UtcNow.Date.AddDays(1).AddHours(12), tags: ["whatsnew-tag"]);
        var past = await app.StoredEventAsync("Whats new past", null, DateTime.UtcNow.Date.AddDays(-3).AddHours(10), DateTime.UtcNow.Date.AddDays(-3).AddHours(12), tags: ["whatsnew-tag"]);
        await app.StoredEventAsync("Whats new waiting", null, DateTime.UtcNow.Date.AddDays(1).AddHours(10), DateTime.UtcNow.Date.AddDays(1).AddHours(12), status: EventStatus.Submitted, tags: ["whatsnew-tag"]);

        await using var scope = app.Services.CreateAsyncScope();
        var section = scope.ServiceProvider.Sections().Single(s => s.Section == "events");
        Assert.Equal(30, section.Order);
        var home = await section.ForHomePageAsync(100, CancellationToken.None);
        Assert.Contains(home, i => i.Path == $"/events/{upcoming.Slug}");
        Assert.DoesNotContain(home, i => i.Path == $"/events/{past.Slug}");
        Assert.True(home.Select(i => i.Date).SequenceEqual(home.Select(i => i.Date).Order()), "the home page's events are not soonest first");
        var tagged = await section.TaggedAsync("whatsnew-tag", 10, CancellationToken.None);
        Assert.Equal([$"/events/{upcoming.Slug}", $"/events/{past.Slug}"], tagged.Select(i => i.Path));
        var week = await section.PublishedBetweenAsync(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
        Assert.Contains(week, i => i.Title == "Whats new past");
        Assert.DoesNotContain(week, i => i.Title == "Whats new waiting");
    }
}
