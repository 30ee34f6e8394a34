using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace ClusterAtlas.Profiles.Logos;

/// <summary>
/// Keeps of an SVG document only what draws a picture: a whitelist of SVG elements and presentation attributes.
/// Scripts, event handlers (on...), styles sheets, foreign content, animations, images and every reference outside
/// the document (href, url(...)) are dropped. The document is read with DTDs prohibited and no resolver, so it
/// cannot pull in entities or files. (HTML sanitisers parse HTML and write HTML; a logo file must stay XML.)
/// </summary>
public static partial class SvgSanitizer
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>The cleaned document as UTF-8, or null when the content is not an SVG document.</summary>
    public static byte[]? Clean(byte[] content)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                MaxCharactersInDocument = 4 * LogoFile.MaxBytes,
            };
            using var reader = XmlReader.Create(new MemoryStream(content), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        if (document.Root is not { } root || root.Name != Svg + "svg")
        {
            return null;
        }
        var clean = CleanElement(root)!;
        clean.Add(new XAttribute(XNamespace.Xmlns + "xlink", XLink.NamespaceName));
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false }))
        {
            clean.Save(writer);
        }
        return output.ToArray();
    }

    private static XElement? CleanElement(XElement element)
    {
        if (element.Name.Namespace != Svg || !Elements.Contains(element.Name.LocalName))
        {
            return null;
        }
        var copy = new XElement(element.Name);
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration && IsAllowed(attribute))
            {
                copy.SetAttributeValue(attribute.Name, attribute.Value);
            }
        }
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child when CleanElement(child) is { } cleanChild:
                    copy.Add(cleanChild);
                    break;
                case XText text:
                    copy.Add(new XText(text.Value));
                    break;
            }
        }
        return copy;
    }

    private static bool IsAllowed(XAttribute attribute)
    {
        var name = attribute.Name;
        var value = attribute.Value;
        if (name == XLink + "href" || name == "href")
        {
            // Only a reference to an element of the same document (<use href="#shape">).
            return value.TrimStart().StartsWith('#');
        }
        if (name == XNamespace.Xml + "space" || name == XNamespace.Xml + "lang")
        {
            return true;
        }
        if (name.Namespace != XNamespace.None || !Attributes.Contains(name.LocalName))
        {
            return false;
        }
        return !ReachesOut(value);
    }

    /// <summary>A value that loads or runs something: url(...) to anything but a fragment, script or data URLs, CSS imports and expressions.</summary>
    private static bool ReachesOut(string value)
    {
        var folded = WhiteSpace().Replace(value, "").ToLowerInvariant();
        if (folded.Contains("javascript:", StringComparison.Ordinal) || folded.Contains("data:", StringComparison.Ordinal)
            || folded.Contains("@import", StringComparison.Ordinal) || folded.Contains("expression(", StringComparison.Ordinal)
            || folded.Contains('\\', StringComparison.Ordinal))
        {
            return true;
        }
        return UrlReference().Matches(folded).Any(m => !m.Groups["target"].Value.StartsWith('#'));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"url\(['""]?(?<target>[^'"")]*)")]
    private static partial Regex UrlReference();

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
        "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "id", "class", "style", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
        "width", "height", "viewBox", "preserveAspectRatio", "version", "baseProfile", "d", "points", "pathLength",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
        "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "color", "display", "visibility", "overflow",
        "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "filter", "filterUnits", "primitiveUnits",
        "gradientUnits", "gradientTransform", "spreadMethod", "offset", "stop-color", "stop-opacity",
        "patternUnits", "patternContentUnits", "patternTransform", "marker-start", "marker-mid", "marker-end",
        "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
        "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch", "text-anchor", "dominant-baseline",
        "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "writing-mode",
        "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset",
        "in", "in2", "result", "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4", "values", "type", "tableValues",
        "slope", "intercept", "amplitude", "exponent", "flood-color", "flood-opacity", "radius",
        "color-interpolation", "color-interpolation-filters", "shape-rendering", "text-rendering", "paint-order", "vector-effect",
        "mix-blend-mode", "isolation", "role", "aria-label", "aria-hidden", "focusable",
    };
}
