using ClusterAtlas.Links;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.WebOfData;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>Published news as an Atom feed, newest first; links absolute from the trusted address, ids tag URIs by slug.</summary>
public sealed class NewsFeed(NewsQueries queries, PublicAddress address)
{
    public const string Path = "/news/feed.atom";
    private const int MaxEntries = 50;

    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var items = await queries.Published.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(MaxEntries)
            .Select(n => new { n.Slug, n.Title, n.Summary, n.Body, n.PublishedAt, n.UpdatedAt, n.Tags, n.AuthorName, ProfileName = n.Profile == null ? null : n.Profile.Name, ProfileSlug = n.Profile == null ? null : n.Profile.Slug })
            .ToListAsync(cancellationToken);
        var baseUrl = address.TrustedBaseUrl() ?? "";
        return AtomFeed.Write(
            "tag:clusteratlas,2026:news", "ClusterAtlas: news", baseUrl + Path, baseUrl + "/news",
            [.. items.Select(n => new AtomEntry(
                $"tag:clusteratlas,2026:news/{n.Slug}", n.Title, n.PublishedAt!.Value, n.UpdatedAt, $"{baseUrl}/news/{n.Slug}",
                n.ProfileName ?? "ClusterAtlas",
                n.ProfileSlug is null ? null : $"{baseUrl}/cluster-organisations/{Uri.EscapeDataString(n.ProfileSlug)}",
                n.Summary,
                (PostingText.Html(n.Body) as Microsoft.AspNetCore.Html.HtmlString)?.Value ?? "",
                n.Tags))]);
    }
}
