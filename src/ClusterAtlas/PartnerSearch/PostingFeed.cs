using System.Globalization;
using System.Text;
using System.Xml;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.WebOfData.AtomWriting;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// The open postings as an Atom feed (RFC 4287), newest change first, written with XmlWriter. Links are absolute from
/// the platform's trusted address when there is one, else relative to the feed (Atom allows IRI references); entry
/// ids are tag URIs that never change with the address.
/// </summary>
public sealed class PostingFeed(ClusterAtlasDbContext db, PublicAddress address)
{
    public const string Path = "/partner-search/feed.atom";
    public const string ContentType = WebOfData.AtomWriting.ContentType;
    private const int MaxEntries = 50;
    private const string Atom = WebOfData.AtomWriting.Namespace;

    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var postings = await db.Set<PartnerSearchPosting>().AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && p.Profile.Status == ProfileStatus.Published)
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Take(MaxEntries)
            .Select(p => new { p.Id, p.Title, p.Text, p.CreatedAt, p.UpdatedAt, p.Deadline, ProfileName = p.Profile.Name, ProfileSlug = p.Profile.Slug })
            .ToListAsync(cancellationToken);
        var baseUrl = address.TrustedBaseUrl() ?? "";
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, "tag:clusteratlas,2026:partner-search");
            xml.WriteElementString("title", Atom, "ClusterAtlas: partner search");
            xml.WriteElementString("updated", Atom, Time(postings.Count == 0 ? DateTimeOffset.UnixEpoch : postings.Max(p => p.UpdatedAt)));
            Link(xml, "self", baseUrl + Path, "application/atom+xml");
            Link(xml, "alternate", baseUrl + "/partner-search", "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "ClusterAtlas");
            xml.WriteEndElement();
            foreach (var posting in postings)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"tag:clusteratlas,2026:partner-search/{posting.Id}");
                xml.WriteElementString("title", Atom, posting.Title);
                xml.WriteElementString("published", Atom, Time(posting.CreatedAt));
                xml.WriteElementString("updated", Atom, Time(posting.UpdatedAt));
                Link(xml, "alternate", $"{baseUrl}/partner-search/{posting.Id}", "text/html");
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, posting.ProfileName);
                xml.WriteElementString("uri", Atom, $"{baseUrl}/cluster-organisations/{Uri.EscapeDataString(posting.ProfileSlug)}");
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(PostingText.Excerpt(PostingText.Plain(posting.Text), 500)
                    + " (" + posting.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")");
                xml.WriteEndElement();
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString((PostingText.Html(posting.Text) as Microsoft.AspNetCore.Html.HtmlString)?.Value ?? "");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return output.ToArray();
    }
}
