using ClusterAtlas.Data;
using ClusterAtlas.WhatsNew;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls;

/// <summary>What the calls publish for the digest, the home page and the tag pages; a call's date is its closing date.</summary>
public sealed class PublishedCalls(ClusterAtlasDbContext db, CallSearch search, TimeProvider clock) : IPublishedItems
{
    public string Section => "calls";

    public int Order => 40;

    /// <summary>Calls added in [since, until), newest first.</summary>
    public async Task<IReadOnlyList<PublishedItem>> PublishedBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        [.. (await search.SummariesAsync(c => c.AddedAt >= since && c.AddedAt < until, cancellationToken))
            .OrderByDescending(c => c.AddedAt).ThenByDescending(c => c.Id).Select(Item)];

    /// <summary>The earliest call's addition (calls are few: matched after one query, as the tags are).</summary>
    public async Task<DateTimeOffset?> FirstPublishedAsync(CancellationToken cancellationToken) =>
        (await search.SummariesAsync(c => true, cancellationToken)).Select(c => (DateTimeOffset?)c.AddedAt).Min();

    /// <summary>The open calls closing soonest.</summary>
    public async Task<IReadOnlyList<PublishedItem>> ForHomePageAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await search.SummariesAsync(c => c.ClosesAt > now, cancellationToken))
            .Where(c => c.StatusAt(now) == CallStatus.Open)
            .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id).Take(count).Select(Item)];
    }

    /// <summary>Calls with the tag, newest first. (Tags are a JSON list in the row: matched after one query, as calls are few.)</summary>
    public async Task<IReadOnlyList<PublishedItem>> TaggedAsync(string tag, int count, CancellationToken cancellationToken)
    {
        var ids = (await db.Set<FundingCall>().AsNoTracking().Select(c => new { c.Id, c.Tags }).ToListAsync(cancellationToken))
            .Where(c => c.Tags.Contains(tag, StringComparer.Ordinal)).Select(c => c.Id).ToList();
        return [.. (await search.SummariesAsync(c => ids.Contains(c.Id), cancellationToken))
            .OrderByDescending(c => c.AddedAt).ThenByDescending(c => c.Id).Take(count).Select(Item)];
    }

    private static PublishedItem Item(CallSummary call) => new(
        "calls", call.Title, $"{call.Programme} · {call.Excerpt}", $"/calls/{call.Slug}", call.ClosesAt,
        [.. call.TermsOf(Profiles.ProfileField.SectoralIndustry).Select(t => Profiles.TextFolding.Slug(t.Label)).Distinct(StringComparer.Ordinal)], call.EligibleCountries, call.Tags);
}
