using ClusterAtlas.Data;
using ClusterAtlas.WhatsNew;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>What the events feature publishes, for the digest, the home page and the tag pages (<see cref="IPublishedItems"/>).</summary>
public sealed class PublishedEvents(ClusterAtlasDbContext db, TimeProvider clock) : IPublishedItems
{
    public string Section => "events";

    public int Order => 30;

    public async Task<IReadOnlyList<PublishedItem>> PublishedBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        Items(await Published().Where(e => e.PublishedAt >= since && e.PublishedAt < until)
            .OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken));

    public async Task<DateTimeOffset?> FirstPublishedAsync(CancellationToken cancellationToken) =>
        await Published().Where(e => e.PublishedAt != null).OrderBy(e => e.PublishedAt).Select(e => e.PublishedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The next events (those under way count), soonest first.</summary>
    public async Task<IReadOnlyList<PublishedItem>> ForHomePageAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return Items(await Published().Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(count).ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<PublishedItem>> TaggedAsync(string tag, int count, CancellationToken cancellationToken)
    {
        // Few events carry tags; the list is matched in memory so both providers agree on the list column.
        var events = await Published().OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return Items([.. events.Where(e => e.Tags.Contains(tag, StringComparer.Ordinal)).Take(count)]);
    }

    private IQueryable<ClusterEvent> Published() => db.Set<ClusterEvent>().AsNoTracking().Where(e => e.Status == EventStatus.Published);

    /// <summary>The item's date is the event's start, as <see cref="PublishedItem.Date"/> says.</summary>
    private static List<PublishedItem> Items(IEnumerable<ClusterEvent> events) =>
        [.. events.Select(e => new PublishedItem("events", e.Title, e.Summary, $"/events/{Uri.EscapeDataString(e.Slug)}", e.StartsAt,
            [.. e.Sectors.Select(Profiles.TextFolding.Slug).Distinct(StringComparer.Ordinal)], e.CountryCode is null ? e.Countries : [.. e.Countries.Prepend(e.CountryCode).Distinct(StringComparer.Ordinal)], e.Tags))];
}
