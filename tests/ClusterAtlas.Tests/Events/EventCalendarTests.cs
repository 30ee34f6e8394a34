using System.Net;
using System.Xml.Linq;
using ClusterAtlas.Accounts;
using ClusterAtlas.Events;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;

namespace ClusterAtlas.Tests.Events;

/// <summary>Times in the event's zone across a daylight-saving change, the iCalendar files read back with Ical.Net, the feeds and the list's filters.</summary>
public sealed class EventCalendarTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task An_event_in_Belgrade_across_the_spring_change_keeps_its_instants_on_the_page_and_in_its_ics()
    {
        var member = await app.MemberWithPublishedProfileAsync("Daylight Saving Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        // The clocks in Belgrade go forward on 28 March 2027: the start is at UTC+1, the end at UTC+2.
        var slug = await member.SubmitEventAsync("Spring change fair", ("Form.Start", "2027-03-27T10:00"), ("Form.End", "2027-03-29T10:00"));
        await moderator.PublishEventAsync(app, slug);

        var stored = await app.EventAsync(slug);
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 9, 0, 0, TimeSpan.Zero), stored.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero), stored.EndsAt);
        Assert.Equal("Europe/Belgrade", stored.TimeZone);
        Assert.Equal(new DateTime(2027, 3, 27, 10, 0, 0), stored.StartLocal);

        var page = await app.GetDocumentAsync($"/events/{slug}");
        var when = page.QuerySelector("#event-time")!;
        Assert.Equal(["2027-03-27T10:00+01:00", "2027-03-29T10:00+02:00"], when.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")));
        Assert.Contains("UTC+01:00 / UTC+02:00, Europe/Belgrade", when.TextContent, StringComparison.Ordinal);
        Assert.Equal("2027-03-27T09:00:00.0000000+00:00", when.GetAttribute("data-start"));
        Assert.NotNull(page.QuerySelector("script[src*='event-time']"));

        using var response = await app.CreateClient().GetAsync(new Uri($"/events/{slug}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART;TZID=Europe/Belgrade:20270327T100000", text, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var item = Assert.Single(calendar.Events);
        Assert.Equal(stored.StartsAt.UtcDateTime, item.DtStart!.AsUtc);
        Assert.Equal(stored.EndsAt.UtcDateTime, item.DtEnd!.AsUtc);
        Assert.Equal("Europe/Belgrade", item.DtStart.TzId);
        Assert.Equal($"event-{stored.Id}@clusteratlas", item.Uid);
        Assert.Equal("Spring change fair", item.Summary);
        Assert.Contains("Novi Sad", item.Location, StringComparison.Ordinal);
        Assert.Contains("Two days on precision machining.", item.Description, StringComparison.Ordinal);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Belgrade");

        // The UID does not change when the event does.
        using var changed = await member.Browser.SubmitFormAsync($"/events/{slug}/edit", new() { ["Form.Title"] = "Spring change fair, renamed" });
        var again = Ical.Net.Calendar.Load(await app.CreateClient().GetStringAsync(new Uri($"/events/{slug}.ics", UriKind.Relative)))!;
        Assert.Equal($"event-{stored.Id}@clusteratlas", again.Events.Single().Uid);
        Assert.Equal("Spring change fair, renamed", again.Events.Single().Summary);
    }

    [Fact]
    public async Task The_subscribable_calendar_has_the_published_upcoming_events_and_those_of_the_last_90_days()
    {
        var today = DateTime.UtcNow.Date;
        var upcoming = await app.StoredEventAsync("Calendar upcoming", null, today.AddDays(5).AddHours(10), today.AddDays(5).AddHours(12), "America/New_York");
        var recent = await app.StoredEventAsync("Calendar recent", null, today.AddDays(-30).AddHours(10), today.AddDays(-30).AddHours(12));
        var old = await app.StoredEventAsync("Calendar old", null, today.AddDays(-120).AddHours(10), today.AddDays(-120).AddHours(12));
        var waiting = await app.StoredEventAsync("Calendar waiting", null, today.AddDays(5).AddHours(10), today.AddDays(5).AddHours(12), status: EventStatus.Submitted);

        var text = await app.CreateClient().GetStringAsync(new Uri(EventCalendar.CalendarPath, UriKind.Relative));
        var calendar = Ical.Net.Calendar.Load(text)!;
        var uids = calendar.Events.Select(e => e.Uid).ToList();
        Assert.Contains($"event-{upcoming.Id}@clusteratlas", uids);
        Assert.Contains($"event-{recent.Id}@clusteratlas", uids);
        Assert.DoesNotContain($"event-{old.Id}@clusteratlas", uids);
        Assert.DoesNotContain($"event-{waiting.Id}@clusteratlas", uids);
        Assert.Equal(upcoming.StartsAt.UtcDateTime, calendar.Events.Single(e => e.Uid == $"event-{upcoming.Id}@clusteratlas").DtStart!.AsUtc);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/New_York");
        Assert.Contains("X-WR-CALNAME:ClusterAtlas events", text, StringComparison.Ordinal);

        var feed = XDocument.Parse(await app.CreateClient().GetStringAsync(new Uri(EventFeed.Path, UriKind.Relative)));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains("Calendar upcoming", titles);
        Assert.DoesNotContain("Calendar waiting", titles);
    }

    [Fact]
    public async Task The_list_shows_upcoming_soonest_first_and_past_newest_first_and_filters_by_facets_and_words()
    {
        var today = DateTime.UtcNow.Date;
        var member = await app.MemberWithPublishedProfileAsync("Filtered Events Cluster");
        var later = await app.StoredEventAsync("Filterlist later", member.ProfileId, today.AddDays(9).AddHours(10), today.AddDays(9).AddHours(12), tags: ["filterlist"]);
        var sooner = await app.StoredEventAsync("Filterlist sooner", null, today.AddDays(3).AddHours(10), today.AddDays(3).AddHours(12), tags: ["filterlist"]);
        var pastOld = await app.StoredEventAsync("Filterlist long ago", null, today.AddDays(-40).AddHours(10), today.AddDays(-40).AddHours(12), tags: ["filterlist"]);
        var pastNew = await app.StoredEventAsync("Filterlist just past", null, today.AddDays(-2).AddHours(10), today.AddDays(-2).AddHours(12), tags: ["filterlist"]);
        var inPerson = await member.SubmitEventAsync("Filterlist in person", ("Form.Tags", "filterlist"), ("Form.Kind", "Matchmaking"));
        using (var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator))
        {
            await moderator.PublishEventAsync(app, inPerson);
        }

        async Task<List<string>> ListAsync(string query) =>
            [.. (await app.GetDocumentAsync("/events" + query)).QuerySelectorAll(".result-title a").Select(a => a.GetAttribute("href")!)];

        Assert.Equal([$"/events/{sooner.Slug}", $"/events/{later.Slug}", $"/events/{inPerson}"], await ListAsync("?tag=filterlist"));
        Assert.Equal([$"/events/{pastNew.Slug}", $"/events/{pastOld.Slug}"], await ListAsync("?tag=filterlist&when=past"));
        Assert.Equal([$"/events/{inPerson}"], await ListAsync("?tag=filterlist&format=in-person"));
        Assert.Equal([$"/events/{inPerson}"], await ListAsync("?tag=filterlist&kind=Matchmaking&country=RS"));
        Assert.Equal([$"/events/{sooner.Slug}", $"/events/{later.Slug}"], await ListAsync("?tag=filterlist&format=online"));
        Assert.Equal([$"/events/{later.Slug}", $"/events/{inPerson}"], await ListAsync("?q=filtered+events&tag=filterlist"));

        var page = await app.GetDocumentAsync("/events?tag=filterlist");
        Assert.NotNull(page.QuerySelector("input[name=format][value=online]"));
        Assert.Contains(page.QuerySelectorAll(".event-periods a"), a => a.GetAttribute("href") == "/events?tag=filterlist&when=past");
        using var bad = await app.CreateClient().GetAsync(new Uri("/events?when=tomorrow", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
