using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.WebOfData;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls;

/// <summary>The calls not closed yet as an Atom feed (<see cref="AtomFeed"/>), the latest added or changed first.</summary>
public sealed class CallFeed(ClusterAtlasDbContext db, PublicAddress address, TimeProvider clock)
{
    public const string Path = "/calls/feed.atom";
    private const int MaxEntries = 50;

    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calls = await db.Set<FundingCall>().AsNoTracking()
            .Where(c => c.ClosesAt > now)
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
        var baseUrl = address.TrustedBaseUrl() ?? "";
        return AtomFeed.Write("tag:clusteratlas,2026:calls", "ClusterAtlas: open calls", baseUrl + Path, baseUrl + CallsPageModel.Path,
            [.. calls.Select(call => new AtomEntry(
                $"tag:clusteratlas,2026:calls/{call.Id}", call.Title, call.AddedAt, call.UpdatedAt, $"{baseUrl}/calls/{call.Slug}", call.Programme, null,
                PostingText.Excerpt(PostingText.Plain(call.Summary), 500) + " (" + call.ClosesAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) + ")",
                (PostingText.Html(call.Summary) as Microsoft.AspNetCore.Html.HtmlString)?.Value))]);
    }
}
