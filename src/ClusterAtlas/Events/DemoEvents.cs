using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>
/// A few published events on the first start (three upcoming, one past), so that /events and a profile's page show what
/// events are for. Each says it is sample data; those of sample profiles go with them (`demo-data --remove`).
/// </summary>
public sealed class DemoEvents(ClusterAtlasDbContext db, TimeProvider clock)
{
    private sealed record Template(EventKind Kind, string Title, string Summary, string Zone, int DaysFromNow, int Hours, bool Online, string? City, string? Country, string[] Tags);

    private static readonly Template[] Templates =
    [
        new(EventKind.ClusterWeek, "Metalworking cluster week", "Five days of factory visits, talks and B2B meetings for metalworking SMEs.",
            "Europe/Belgrade", 30, 8, false, "Novi Sad", "RS", ["industry-5-0", "metalworking"]),
        new(EventKind.Webinar, "Webinar: finding partners for cross-border calls", "How cluster organisations build consortia for calls of the Single Market Programme.",
            "Europe/Brussels", 10, 2, true, null, null, ["funding", "partnering"]),
        new(EventKind.Matchmaking, "B2B matchmaking day: green manufacturing", "Pre-arranged meetings between companies working on greener production.",
            "Europe/Vienna", 60, 7, true, "Vienna", "AT", ["green-deal"]),
        new(EventKind.Conference, "Cluster managers' conference", "Cluster managers from across Europe on excellence, internationalisation and digital services.",
            "Europe/Berlin", -20, 9, false, "Berlin", "DE", ["cluster-excellence"]),
    ];

    /// <summary>Adds the sample events when there are none yet; returns how many it added.</summary>
    public async Task<int> AddAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<ClusterEvent>().AnyAsync(cancellationToken))
        {
            return 0;
        }
        var profiles = await db.ClusterOrganisations.AsNoTracking().Where(p => p.Status == ProfileStatus.Published)
            .OrderBy(p => p.IsSampleData).ThenBy(p => p.Id).Take(6).Select(p => p.Id).ToListAsync(cancellationToken);
        var sectors = await db.VocabularyTerms.AsNoTracking().Where(t => t.Vocabulary == Vocabularies.Vocabulary.SectoralIndustries)
            .OrderBy(t => t.SortOrder).Select(t => t.Label).Take(3).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (template, index) in Templates.Select((t, i) => (t, i)))
        {
            if (EventTime.Zone(template.Zone) is not { } zone)
            {
                continue; // no tz database on this system (decision 0023): the event could not be entered either
            }
            var day = EventTime.InZone(now, zone).Date.AddDays(template.DaysFromNow);
            var start = day.AddHours(9);
            var end = template.Kind == EventKind.ClusterWeek ? day.AddDays(4).AddHours(17) : start.AddHours(template.Hours);
            // The platform team organises the webinar; the others are organised by the demo profiles.
            int? organiser = template.Kind == EventKind.Webinar || profiles.Count == 0 ? null : profiles[index % profiles.Count];
            var e = new ClusterEvent
            {
                Slug = $"{Profiles.TextFolding.Slug(template.Title)}-{start.Year}",
                Title = template.Title,
                Summary = template.Summary,
                Description = template.Summary + "\n\nRegister on the organiser's site; the programme follows.\n\n*Sample data: this event is fictitious.*",
                Kind = template.Kind,
                TimeZone = zone.Id,
                StartLocal = start,
                EndLocal = end,
                StartsAt = EventTime.Instant(start, zone)!.Value,
                EndsAt = EventTime.Instant(end, zone)!.Value,
                IsOnline = template.Online,
                City = template.City,
                CountryCode = template.Country,
                Venue = template.City is null ? null : "Congress centre",
                OrganiserProfileId = organiser,
                SubmittedByName = "Sample data",
                RegistrationUrl = "https://example.org/register",
                Tags = [.. template.Tags],
                Sectors = [.. sectors.Skip(index % Math.Max(1, sectors.Count)).Take(1)],
                Countries = template.Country is null ? [] : [template.Country],
                Status = EventStatus.Published,
                CreatedAt = now,
                UpdatedAt = now,
                PublishedAt = now.AddDays(-Math.Min(0, template.DaysFromNow) - 1),
            };
            // Other demo profiles say they will be there.
            foreach (var attendee in profiles.Where(p => p != organiser).Take(index + 1))
            {
                e.Attendances.Add(new EventAttendance { ProfileId = attendee, MarkedAt = now });
            }
            db.Add(e);
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
