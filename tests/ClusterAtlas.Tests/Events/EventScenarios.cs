using System.Net;
using ClusterAtlas.Events;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Events;

/// <summary>Steps the event tests share: events submitted through the form, stored ones, and what a refused request could change.</summary>
public static class EventScenarios
{
    /// <summary>The fields of a valid event in Europe/Belgrade; <paramref name="extra"/> adds or (by name) replaces values.</summary>
    public static List<KeyValuePair<string, string>> EventFields(string title, params (string Name, string Value)[] extra)
    {
        var day = DateTime.UtcNow.Date.AddDays(40);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Kind", nameof(EventKind.Conference)),
            new("Form.Title", title),
            new("Form.Summary", "Two days on precision machining."),
            new("Form.Description", "The **programme** follows. See https://example.org/programme."),
            new("Form.Start", day.AddHours(9).ToString(EventTime.InputFormat, System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.End", day.AddDays(1).AddHours(17).ToString(EventTime.InputFormat, System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.TimeZone", "Europe/Belgrade"),
            new("Form.City", "Novi Sad"),
            new("Form.CountryCode", "RS"),
            new("Form.RegistrationUrl", "www.example.org/register"),
            new("Form.Tags", "Machining, Green Deal"),
        };
        foreach (var name in extra.Select(e => e.Name).Distinct())
        {
            fields.RemoveAll(f => f.Key == name);
        }
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        return fields;
    }

    /// <summary>Submits an event for the member's profile through the form; returns its slug.</summary>
    public static async Task<string> SubmitEventAsync(this Member member, string title, params (string Name, string Value)[] extra)
    {
        using var response = await PartnerSearchScenarios.PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/events/new", EventFields(title, extra));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"submitting answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Select(e => $"{e.Key}: {e.Value}")));
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=submitted", location, StringComparison.Ordinal);
        return location.Split('/')[2].Split('?')[0];
    }

    public static Task<ClusterEvent> EventAsync(this ClusterAtlasFactory app, string slug) =>
        app.WithDbAsync(db => db.Set<ClusterEvent>().AsNoTracking().Include(e => e.Attendances).SingleAsync(e => e.Slug == slug));

    /// <summary>Publishes an event as the platform team does, through the review page.</summary>
    public static async Task PublishEventAsync(this HttpClient moderator, ClusterAtlasFactory app, string slug)
    {
        var id = (await app.EventAsync(slug)).Id;
        using var response = await moderator.SubmitFormAsync($"/moderation/events/{id}", new(), "main form[action*=Publish]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A published event stored directly (for times in the past, which the lists sort by), organised by the profile.</summary>
    public static Task<ClusterEvent> StoredEventAsync(this ClusterAtlasFactory app, string title, int? profileId, DateTime startLocal, DateTime endLocal,
        string zone = "Europe/Belgrade", EventStatus status = EventStatus.Published, string[]? tags = null) => app.WithDbAsync(async db =>
    {
        var timeZone = EventTime.Zone(zone)!;
        var now = DateTimeOffset.UtcNow;
        var e = new ClusterEvent
        {
            Slug = ClusterAtlas.Profiles.TextFolding.Slug(title) + "-" + startLocal.Year, Title = title, Summary = title + " summary", Description = "Text",
            Kind = EventKind.Workshop, TimeZone = zone, StartLocal = startLocal, EndLocal = endLocal,
            StartsAt = EventTime.Instant(startLocal, timeZone)!.Value, EndsAt = EventTime.Instant(endLocal, timeZone)!.Value,
            IsOnline = true, OrganiserProfileId = profileId, SubmittedByName = "Test", Status = status, CreatedAt = now, UpdatedAt = now,
            PublishedAt = status == EventStatus.Published ? now : null, Tags = [.. tags ?? []],
        };
        db.Add(e);
        await db.SaveChangesAsync();
        return e;
    });

    /// <summary>Everything about events a refused request could have changed.</summary>
    public static Task<string> EventsSnapshotAsync(this ClusterAtlasFactory app) => app.WithDbAsync(async db =>
    {
        var events = (await db.Set<ClusterEvent>().AsNoTracking().OrderBy(e => e.Id).ToListAsync())
            .Select(e => $"{e.Id}:{e.Title}:{e.Status}:{e.StartsAt.UtcTicks}:{e.UpdatedAt.UtcTicks}:{e.ReturnReason}");
        var attendances = await db.Set<EventAttendance>().CountAsync();
        return string.Join("\n", events) + $"\n{attendances}";
    });
}
