using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.WebOfData;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>The latest published events as an Atom feed, newest publication first (written by <see cref="AtomFeed"/>).</summary>
public sealed class EventFeed(ClusterAtlasDbContext db, PublicAddress address)
{
    public const string Path = "/events/feed.atom";
    private const int MaxEntries = 50;

    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var events = await db.Set<ClusterEvent>().AsNoTracking()
            .Where(e => e.Status == EventStatus.Published)
            .OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id)
            .Take(MaxEntries)
            .Select(e => new
            {
                e.Id, e.Slug, e.Title, e.Summary, e.Description, e.StartLocal, e.TimeZone, e.PublishedAt, e.UpdatedAt, e.SubmittedByName,
                OrganiserName = e.OrganiserProfile == null ? null : e.OrganiserProfile.Name,
                OrganiserSlug = e.OrganiserProfile == null ? null : e.OrganiserProfile.Slug,
            })
            .ToListAsync(cancellationToken);
        var baseUrl = address.TrustedBaseUrl() ?? "";
        return AtomFeed.Write("tag:clusteratlas,2026:events", "ClusterAtlas: events", baseUrl + Path, baseUrl + "/events",
            [.. events.Select(e => new AtomEntry(
                $"tag:clusteratlas,2026:events/{e.Id}", e.Title, e.PublishedAt ?? e.UpdatedAt, e.UpdatedAt,
                $"{baseUrl}/events/{Uri.EscapeDataString(e.Slug)}",
                e.OrganiserName ?? "ClusterAtlas", e.OrganiserSlug is null ? null : $"{baseUrl}/cluster-organisations/{Uri.EscapeDataString(e.OrganiserSlug)}",
                e.StartLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + e.TimeZone + "): " + e.Summary,
                (PostingText.Html(e.Description) as Microsoft.AspNetCore.Html.HtmlString)?.Value ?? ""))]);
    }
}
