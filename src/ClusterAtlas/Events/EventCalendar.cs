using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.PartnerSearch;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>
/// Published events as iCalendar (RFC 5545), written with Ical.Net: one event's file, and the subscribable calendar of
/// the upcoming events and those of the last <see cref="PastDays"/> days. Times are given in the event's own zone
/// (DTSTART;TZID=…) with that zone's VTIMEZONE, so calendars show them right wherever the reader is; UIDs never change
/// (decision 0023).
/// </summary>
public sealed class EventCalendar(ClusterAtlasDbContext db, PublicAddress address, TimeProvider clock)
{
    public const string CalendarPath = "/events/calendar.ics";
    public const string ContentType = "text/calendar; charset=utf-8";
    public const int PastDays = 90;

    /// <summary>One published event's file, or null when there is no such published event.</summary>
    public async Task<string?> EventAsync(string slug, CancellationToken cancellationToken)
    {
        var e = await Published().SingleOrDefaultAsync(x => x.Slug == slug, cancellationToken);
        return e is null ? null : Write([e], null);
    }

    public async Task<string> AllAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-PastDays);
        var events = await Published().Where(e => e.EndsAt >= since).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return Write(events, "ClusterAtlas events");
    }

    private IQueryable<ClusterEvent> Published() =>
        db.Set<ClusterEvent>().AsNoTracking().Include(e => e.OrganiserProfile).Where(e => e.Status == EventStatus.Published);

    private string Write(IReadOnlyList<ClusterEvent> events, string? name)
    {
        var baseUrl = address.TrustedBaseUrl() ?? "";
        var calendar = new Calendar { ProductId = "-//ClusterAtlas//Events//EN" };
        calendar.AddProperty("METHOD", "PUBLISH");
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
            calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT12H");
            calendar.AddProperty("X-PUBLISHED-TTL", "PT12H");
        }
        foreach (var zone in events.Select(e => e.TimeZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone));
        }
        var stamp = clock.GetUtcNow().UtcDateTime;
        foreach (var e in events)
        {
            var page = $"{baseUrl}/events/{Uri.EscapeDataString(e.Slug)}";
            var place = string.Join(", ", new[] { e.Venue, e.City, e.CountryCode }.Where(p => !string.IsNullOrEmpty(p)));
            var item = new CalendarEvent
            {
                // Tied to the row, not the slug or the address: a calendar keeps recognising the event after any change.
                Uid = $"event-{e.Id}@clusteratlas",
                Summary = e.Title,
                DtStart = new CalDateTime(e.StartLocal, e.TimeZone),
                DtEnd = new CalDateTime(e.EndLocal, e.TimeZone),
                DtStamp = new CalDateTime(stamp, "UTC"),
                LastModified = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
                Description = e.Summary + "\n\n" + PostingText.Plain(e.Description)
                    + (e.RegistrationUrl is null ? "" : "\n\n" + e.RegistrationUrl) + "\n\n" + page,
                Location = place.Length > 0 ? place : e.IsOnline ? "Online" : null,
                Categories = [.. e.Tags],
            };
            if (Uri.TryCreate(page, UriKind.Absolute, out var url) || Uri.TryCreate(e.RegistrationUrl, UriKind.Absolute, out url))
            {
                item.Url = url;
            }
            if (e.OrganiserProfile is { } organiser)
            {
                item.AddProperty("X-CLUSTERATLAS-ORGANISER", organiser.Name);
            }
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
