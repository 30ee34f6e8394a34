using System.Text;
using System.Xml;

namespace ClusterAtlas.WebOfData;

/// <summary>The head of an Atom feed: its tag URI, title and the two links (itself, its page).</summary>
public sealed record AtomFeedHead(string Id, string Title, string SelfLink, string AlternateLink);

/// <summary>One entry of an Atom feed; <paramref name="HtmlContent"/> is already safe HTML (rendered Markdown).</summary>
public sealed record AtomEntry(
    string Id, string Title, DateTimeOffset Published, DateTimeOffset Updated, string Link,
    string AuthorName, string? AuthorUri, string Summary, string? HtmlContent, IReadOnlyList<string> Categories);

/// <summary>
/// Writes the platform's feeds of published items (partner searches, news) the same way: RFC 4287 with XmlWriter,
/// newest first as given, the feed's updated time the newest entry's.
/// </summary>
public static class AtomFeed
{
    public static byte[] Write(AtomFeedHead head, IReadOnlyList<AtomEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(entries);
        const string Atom = AtomWriting.Namespace;
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, head.Id);
            xml.WriteElementString("title", Atom, head.Title);
            xml.WriteElementString("updated", Atom, AtomWriting.Time(entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Updated)));
            AtomWriting.Link(xml, "self", head.SelfLink, "application/atom+xml");
            AtomWriting.Link(xml, "alternate", head.AlternateLink, "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "ClusterAtlas");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, entry.Id);
                xml.WriteElementString("title", Atom, entry.Title);
                xml.WriteElementString("published", Atom, AtomWriting.Time(entry.Published));
                xml.WriteElementString("updated", Atom, AtomWriting.Time(entry.Updated));
                AtomWriting.Link(xml, "alternate", entry.Link, "text/html");
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, entry.AuthorName);
                if (entry.AuthorUri is not null)
                {
                    xml.WriteElementString("uri", Atom, entry.AuthorUri);
                }
                xml.WriteEndElement();
                foreach (var category in entry.Categories)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", category);
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                if (entry.HtmlContent is not null)
                {
                    xml.WriteStartElement("content", Atom);
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
