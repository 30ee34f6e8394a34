using ClusterAtlas.Pages;
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
        app.MapMethods(EventFeed.Path, ReadEndpoints.Methods, async (EventFeed feed, CancellationToken cancellationToken) =>
            WebOfData.ReadDocument.Of(await feed.WriteAsync(cancellationToken), WebOfData.AtomWriting.ContentType)).CacheForReaders(ContentTags.Events, ContentTags.Profiles);
        app.MapMethods(EventCalendar.CalendarPath, ReadEndpoints.Methods, async (EventCalendar calendar, CancellationToken cancellationToken) =>
            WebOfData.ReadDocument.Of(await calendar.AllAsync(cancellationToken), EventCalendar.ContentType)).CacheForReaders(ContentTags.Events, ContentTags.Profiles);
        app.MapMethods("/events/{eventSlug}.ics", ReadEndpoints.Methods, async (string eventSlug, EventCalendar calendar, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (await calendar.EventAsync(eventSlug, cancellationToken) is not { } ics)
            {
                return Results.NotFound();
            }
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{eventSlug}.ics\"";
            return WebOfData.ReadDocument.Of(ics, EventCalendar.ContentType);
        }).CacheForReaders(ContentTags.Events, ContentTags.Profiles);
        return app;
    }
}
