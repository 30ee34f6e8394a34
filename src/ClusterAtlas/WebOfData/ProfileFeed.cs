using System.Text;
using System.Xml;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.WebOfData.AtomWriting;

namespace ClusterAtlas.WebOfData;

/// <summary>
/// Newly published and updated profiles as an Atom feed (RFC 4287), the latest change first. Entry ids are tag URIs
/// of the profile's number, so a renamed address or a new installation address never makes an entry look new.
/// </summary>
public sealed class ProfileFeed(ClusterAtlasDbContext db, PublicAddress address)
{
    public const string Path = "/cluster-organisations/feed.atom";
    private const int MaxEntries = 50;

    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var profiles = await db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.Status == ProfileStatus.Published)
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Take(MaxEntries)
            .Select(p => new { p.Id, p.Slug, p.Name, p.ShortDescription, p.CountryCode, p.PublishedAt, p.UpdatedAt })
            .ToListAsync(cancellationToken);
        var baseUrl = address.TrustedBaseUrl() ?? "";
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, "tag:clusteratlas,2026:cluster-organisations");
            xml.WriteElementString("title", Namespace, "ClusterAtlas: newly published and updated cluster organisations");
            xml.WriteElementString("updated", Namespace, Time(profiles.Count == 0 ? DateTimeOffset.UnixEpoch : profiles.Max(p => p.UpdatedAt)));
            Link(xml, "self", baseUrl + Path, "application/atom+xml");
            Link(xml, "alternate", baseUrl + "/cluster-organisations?sort=newest", "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, "ClusterAtlas");
            xml.WriteEndElement();
            foreach (var profile in profiles)
            {
                var url = $"{baseUrl}/cluster-organisations/{Uri.EscapeDataString(profile.Slug)}";
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, $"tag:clusteratlas,2026:cluster-organisations/{profile.Id}");
                xml.WriteElementString("title", Namespace, profile.Name);
                xml.WriteElementString("published", Namespace, Time(profile.PublishedAt ?? profile.UpdatedAt));
                xml.WriteElementString("updated", Namespace, Time(profile.UpdatedAt));
                Link(xml, "alternate", url, "text/html");
                Link(xml, "related", $"{baseUrl}/api/v1/cluster-organisations/{Uri.EscapeDataString(profile.Slug)}", "application/json");
                if (profile.ShortDescription is not null)
                {
                    xml.WriteStartElement("summary", Namespace);
                    xml.WriteAttributeString("type", "text");
                    xml.WriteString(profile.ShortDescription);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return output.ToArray();
    }
}
