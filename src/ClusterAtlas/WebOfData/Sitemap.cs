using System.Globalization;
using System.Text;
using System.Xml;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.WebOfData;

/// <summary>
/// /sitemap.xml (sitemaps.org 0.9): the main pages, every published news item, event and call, every open partner
/// search, and every published profile, each item with the date of its last change. A sitemap holds at most 50,000
/// addresses: beyond that /sitemap.xml is an index of parts (/sitemap.xml?part=N), the pages and items first, then the
/// profiles by their number. Addresses are absolute, so a sitemap needs the platform's trusted address.
/// </summary>
public sealed class Sitemap(ClusterAtlasDbContext db, News.NewsQueries news)
{
    public const string Path = "/sitemap.xml";
    public const int MaxAddresses = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The pages anyone may read that are not items, in the order of their importance.</summary>
    public static readonly IReadOnlyList<string> MainPages =
    [
        "/", "/cluster-organisations", "/partner-search", "/news", "/events", "/calls", "/network", "/cluster-organisations/map", "/statistics",
        "/api/docs/", "/imprint", "/privacy", "/terms",
    ];

    /// <summary>Writes the sitemap (or the index, or one part); false when the part does not exist.</summary>
    public async Task<bool> WriteAsync(Stream output, string baseUrl, int? part, CancellationToken cancellationToken)
    {
        var published = db.ClusterOrganisations.AsNoTracking().Where(p => p.Status == ProfileStatus.Published);
        var count = await published.CountAsync(cancellationToken);
        var head = await PagesAndItemsAsync(cancellationToken);
        var parts = Math.Max(1, (int)Math.Ceiling((count + head.Count) / (double)MaxAddresses));
        var number = part ?? 1;
        if (number < 1 || number > parts)
        {
            return false;
        }
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        if (parts > 1 && part is null)
        {
            await xml.WriteStartElementAsync(null, "sitemapindex", Namespace);
            for (var n = 1; n <= parts; n++)
            {
                await xml.WriteStartElementAsync(null, "sitemap", Namespace);
                await xml.WriteElementStringAsync(null, "loc", Namespace, $"{baseUrl}{Path}?part={n.ToString(CultureInfo.InvariantCulture)}");
                await xml.WriteEndElementAsync();
            }
        }
        else
        {
            await xml.WriteStartElementAsync(null, "urlset", Namespace);
            // Addresses [from, from + MaxAddresses) of the pages and items, then the profiles by their number.
            var from = (number - 1) * MaxAddresses;
            var written = 0;
            foreach (var (path, changed) in head.Skip(from).Take(MaxAddresses))
            {
                await Url(xml, baseUrl + path, changed);
                written++;
            }
            var profiles = published.OrderBy(p => p.Id)
                .Skip(Math.Max(0, from - head.Count))
                .Take(MaxAddresses - written)
                .Select(p => new { p.Slug, p.UpdatedAt })
                .AsAsyncEnumerable();
            await foreach (var profile in profiles.WithCancellation(cancellationToken))
            {
                await Url(xml, $"{baseUrl}/cluster-organisations/{Uri.EscapeDataString(profile.Slug)}", profile.UpdatedAt);
            }
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        return true;
    }

    /// <summary>The main pages, then the published news, events and calls and the open partner searches, newest first.</summary>
    private async Task<List<(string Path, DateTimeOffset? Changed)>> PagesAndItemsAsync(CancellationToken cancellationToken)
    {
        var addresses = MainPages.Select(page => (page, (DateTimeOffset?)null)).ToList();
        static string Slugged(string prefix, string slug) => $"{prefix}/{Uri.EscapeDataString(slug)}";
        addresses.AddRange((await news.Published.OrderByDescending(n => n.UpdatedAt).Select(n => new { n.Slug, n.UpdatedAt }).ToListAsync(cancellationToken))
            .Select(n => (Slugged("/news", n.Slug), (DateTimeOffset?)n.UpdatedAt)));
        addresses.AddRange((await db.Set<Events.ClusterEvent>().AsNoTracking().Where(e => e.Status == Events.EventStatus.Published)
                .OrderByDescending(e => e.UpdatedAt).Select(e => new { e.Slug, e.UpdatedAt }).ToListAsync(cancellationToken))
            .Select(e => (Slugged("/events", e.Slug), (DateTimeOffset?)e.UpdatedAt)));
        addresses.AddRange((await db.Set<Calls.FundingCall>().AsNoTracking()
                .OrderByDescending(c => c.UpdatedAt).Select(c => new { c.Slug, c.UpdatedAt }).ToListAsync(cancellationToken))
            .Select(c => (Slugged("/calls", c.Slug), (DateTimeOffset?)c.UpdatedAt)));
        addresses.AddRange((await db.Set<PartnerSearch.PartnerSearchPosting>().AsNoTracking()
                .Where(p => p.Status == PartnerSearch.PostingStatus.Open && p.Profile.Status == ProfileStatus.Published)
                .OrderByDescending(p => p.UpdatedAt).Select(p => new { p.Id, p.UpdatedAt }).ToListAsync(cancellationToken))
            .Select(p => ($"/partner-search/{p.Id.ToString(CultureInfo.InvariantCulture)}", (DateTimeOffset?)p.UpdatedAt)));
        return addresses;
    }

    private static async Task Url(XmlWriter xml, string location, DateTimeOffset? lastModified)
    {
        await xml.WriteStartElementAsync(null, "url", Namespace);
        await xml.WriteElementStringAsync(null, "loc", Namespace, location);
        if (lastModified is { } changed)
        {
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, AtomWriting.Time(changed));
        }
        await xml.WriteEndElementAsync();
    }
}
