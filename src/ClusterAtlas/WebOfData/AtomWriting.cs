using System.Globalization;
using System.Xml;

namespace ClusterAtlas.WebOfData;

/// <summary>What every Atom feed of the platform writes the same way: its links and its times (RFC 3339, UTC).</summary>
public static class AtomWriting
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static void Link(XmlWriter xml, string relation, string href, string type)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
