using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using ClusterAtlas.WebOfData;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// The open postings as an Atom feed (RFC 4287), newest change first, written by <see cref="AtomFeed"/>. Links are absolute from
/// the platform's trusted address when there is one, else relative to the feed (Atom allows IRI references); entry
/// ids are tag URIs that never change with the address.
/// </summary>
public sealed class PostingFeed(ClusterAtlasDbContext db, PublicAddress address)
{
    public const string Path = "/partner-search/feed.atom";
    public const string ContentType = AtomWriting.ContentType;
    private const int MaxEntries = 50;

    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var postings = await db.Set<PartnerSearchPosting>().AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && p.Profile.Status == ProfileStatus.Published)
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Take(MaxEntries)
            .Select(p => new { p.Id, p.Title, p.Text, p.CreatedAt, p.UpdatedAt, p.Deadline, ProfileName = p.Profile.Name, ProfileSlug = p.Profile.Slug })
            .ToListAsync(cancellationToken);
        var baseUrl = address.TrustedBaseUrl() ?? "";
        return AtomFeed.Write(
            new AtomFeedHead("tag:clusteratlas,2026:partner-search", "ClusterAtlas: partner search", baseUrl + Path, baseUrl + "/partner-search"),
            [.. postings.Select(posting => new AtomEntry(
                $"tag:clusteratlas,2026:partner-search/{posting.Id}", posting.Title, posting.CreatedAt, posting.UpdatedAt,
                $"{baseUrl}/partner-search/{posting.Id}",
                posting.ProfileName, $"{baseUrl}/cluster-organisations/{Uri.EscapeDataString(posting.ProfileSlug)}",
                PostingText.Excerpt(PostingText.Plain(posting.Text), 500) + " (" + posting.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")",
                (PostingText.Html(posting.Text) as Microsoft.AspNetCore.Html.HtmlString)?.Value ?? "",
                []))]);
    }
}
