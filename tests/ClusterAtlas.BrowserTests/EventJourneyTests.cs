using ClusterAtlas.BrowserTests.Infrastructure;
using ClusterAtlas.Data;
using ClusterAtlas.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// Events in a real browser: a cluster manager submits an event from the profile page, the platform team publishes it,
/// and the manager downloads its .ics, which reads back with the same instants. axe checks the form, /events and the event.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EventJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Submit_an_event_for_a_profile_have_it_published_and_download_its_ics()
    {
        var unique = "Kestrelmoor" + Guid.NewGuid().ToString("N")[..6];
        var email = $"events-{unique.ToLowerInvariant()}@example.org";
        var slug = await app.MemberWithPublishedProfileAsync(email, "Eva Events", $"{unique} Mobility Cluster");

        await using var tab = await app.OpenTabAsync(width: 390, height: 844);
        var page = tab.Page;
        var watch = tab.Watch;
        await JourneySteps.SignInAsync(page, email);
        await page.GotoAsync($"/cluster-organisations/{slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit an event" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page, "new event");
        await page.Locator("#kind-Workshop").CheckAsync();
        await page.Locator("#Form_Title").FillAsync($"{unique} e-mobility workshop");
        await page.Locator("#Form_Summary").FillAsync("Charging infrastructure for SMEs.");
        await page.Locator("#Form_Description").FillAsync("A **hands-on** day.");
        await page.Locator("#Form_Start").FillAsync("2027-10-30T09:00");
        await page.Locator("#Form_End").FillAsync("2027-10-31T16:00");
        await page.Locator("#Form_TimeZone").FillAsync("Europe/Belgrade");
        await page.Locator("#Form_City").FillAsync("Novi Sad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the event" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("the event waits for the platform team");
        var eventPath = new Uri(page.Url).AbsolutePath;

        // The platform team publishes it (the moderation pages are tested over HTTP).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
            var submitted = await db.Set<ClusterEvent>().SingleAsync(e => e.Title == $"{unique} e-mobility workshop");
            Assert.True((await scope.ServiceProvider.GetRequiredService<EventModeration>().PublishAsync(submitted, CancellationToken.None)).Succeeded);
        }

        await page.GotoAsync("/events?q=" + unique);
        await Axe.AssertNoViolationsAsync(page, "events");
        await page.GetByRole(AriaRole.Link, new() { Name = $"{unique} e-mobility workshop" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, eventPath).ToString());
        await Assertions.Expect(page.Locator("#event-time")).ToContainTextAsync("UTC+02:00 / UTC+01:00, Europe/Belgrade");
        await Axe.AssertNoViolationsAsync(page, "event");
        await Artefacts.ScreenshotAsync(page, "event-published");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Add to your calendar (.ics)" }).ClickAsync());
        var file = await download.PathAsync();
        var calendar = Ical.Net.Calendar.Load(await File.ReadAllTextAsync(file))!;
        var item = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2027, 10, 30, 7, 0, 0, DateTimeKind.Utc), item.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 10, 31, 15, 0, 0, DateTimeKind.Utc), item.DtEnd!.AsUtc);
        watch.AssertClean();
    }
}
