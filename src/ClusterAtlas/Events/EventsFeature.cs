using ClusterAtlas.Caching;
using ClusterAtlas.WhatsNew;

namespace ClusterAtlas.Events;

/// <summary>Events: their services, their iCalendar files and their Atom feed.</summary>
public static class EventsFeature
{
    public static IServiceCollection AddEvents(this IServiceCollection services) =>
        services
            .AddCacheTags<ClusterEvent>(ContentTags.Events).AddCacheTags<EventAttendance>(ContentTags.Events)
            .AddScoped<EventEditor>()
            .AddScoped<EventMail>()
            .AddScoped<EventModeration>()
            .AddScoped<EventSearch>()
            .AddScoped<EventCalendar>()
            .AddScoped<EventFeed>()
            .AddScoped<EventAttendances>()
            .AddScoped<DemoEvents>()
            .AddPublishedItems<PublishedEvents>();

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.MapGet(EventFeed.Path, async (EventFeed feed, CancellationToken cancellationToken) =>
            Results.Bytes(await feed.WriteAsync(cancellationToken), WebOfData.AtomWriting.ContentType)).CacheForReaders(ContentTags.Events, ContentTags.Profiles);
        app.MapGet(EventCalendar.CalendarPath, async (EventCalendar calendar, CancellationToken cancellationToken) =>
            Results.Text(await calendar.AllAsync(cancellationToken), EventCalendar.ContentType)).CacheForReaders(ContentTags.Events, ContentTags.Profiles);
        app.MapGet("/events/{eventSlug}.ics", async (string eventSlug, EventCalendar calendar, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (await calendar.EventAsync(eventSlug, cancellationToken) is not { } ics)
            {
                return Results.NotFound();
            }
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{eventSlug}.ics\"";
            return Results.Text(ics, EventCalendar.ContentType);
        }).CacheForReaders(ContentTags.Events, ContentTags.Profiles);
        return app;
    }
}
