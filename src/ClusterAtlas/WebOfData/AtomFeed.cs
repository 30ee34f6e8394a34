using System.Text;
using System.Xml;
using static ClusterAtlas.WebOfData.AtomWriting;

namespace ClusterAtlas.WebOfData;

/// <summary>One entry of an <see cref="AtomFeed"/>: ids are tag URIs that never change with the address.</summary>
public sealed record AtomEntry(string Id, string Title, DateTimeOffset Published, DateTimeOffset Updated, string Link,
    string AuthorName, string? AuthorUri, string Summary, string? HtmlContent, IReadOnlyList<string>? Categories = null);

/// <summary>
/// A feed of entries (RFC 4287), written with XmlWriter the same way for every list that has one (partner search, calls, news,
/// events): links are absolute from the platform's trusted address when there is one, else relative to the feed.
/// </summary>
public static class AtomFeed
{
    public static byte[] Write(string id, string title, string selfHref, string alternateHref, IReadOnlyList<AtomEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, id);
            xml.WriteElementString("title", Namespace, title);
            xml.WriteElementString("updated", Namespace, Time(entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Updated)));
            Link(xml, "self", selfHref, "application/atom+xml");
            Link(xml, "alternate", alternateHref, "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, "ClusterAtlas");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, entry.Id);
                xml.WriteElementString("title", Namespace, entry.Title);
                xml.WriteElementString("published", Namespace, Time(entry.Published));
                xml.WriteElementString("updated", Namespace, Time(entry.Updated));
                Link(xml, "alternate", entry.Link, "text/html");
                xml.WriteStartElement("author", Namespace);
                xml.WriteElementString("name", Namespace, entry.AuthorName);
                if (entry.AuthorUri is not null)
                {
                    xml.WriteElementString("uri", Namespace, entry.AuthorUri);
                }
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Namespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                foreach (var category in entry.Categories ?? [])
                {
                    xml.WriteStartElement("category", Namespace);
                    xml.WriteAttributeString("term", category);
                    xml.WriteEndElement();
                }
                if (entry.HtmlContent is not null)
                {
                    xml.WriteStartElement("content", Namespace);
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(entry.HtmlContent);
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
