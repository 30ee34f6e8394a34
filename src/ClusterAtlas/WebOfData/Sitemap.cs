using System.Globalization;
using System.Text;
using System.Xml;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.WebOfData;

/// <summary>
/// /sitemap.xml (sitemaps.org 0.9): the main pages and every published profile with the date of its last change.
/// A sitemap holds at most 50,000 addresses: beyond that /sitemap.xml is an index of parts (/sitemap.xml?part=N).
/// Addresses are absolute, so a sitemap needs the platform's trusted address.
/// </summary>
public sealed class Sitemap(ClusterAtlasDbContext db)
{
    public const string Path = "/sitemap.xml";
    public const int MaxAddresses = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The pages anyone may read that are not profiles, in the order of their importance.</summary>
    public static readonly IReadOnlyList<string> MainPages = ["/", "/cluster-organisations", "/partner-search", "/api/docs", "/imprint", "/privacy", "/terms"];

    /// <summary>Writes the sitemap (or the index, or one part); false when the part does not exist.</summary>
    public async Task<bool> WriteAsync(Stream output, string baseUrl, int? part, CancellationToken cancellationToken)
    {
        var published = db.ClusterOrganisations.AsNoTracking().Where(p => p.Status == ProfileStatus.Published);
        var count = await published.CountAsync(cancellationToken);
        var parts = (int)Math.Ceiling((count + MainPages.Count) / (double)MaxAddresses);
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
            // The main pages open the first part; the profiles follow by their number, each part as long as it may be.
            var skip = (number - 1) * MaxAddresses;
            if (number == 1)
            {
                foreach (var page in MainPages)
                {
                    await Url(xml, baseUrl + page, null);
                }
            }
            var profiles = published.OrderBy(p => p.Id)
                .Skip(number == 1 ? 0 : skip - MainPages.Count)
                .Take(number == 1 ? MaxAddresses - MainPages.Count : MaxAddresses)
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
