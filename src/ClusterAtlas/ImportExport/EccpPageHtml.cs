using System.Net;
using System.Text;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// A profile page saved as HTML, read as the text a browser shows: one line for each block (paragraph, heading, list
/// item, table cell, line break), inline elements run together, entities decoded; scripts, styles, the document's head
/// and the site's navigation, header and footer left out. Each text line keeps the number of the HTML line it starts
/// on, so that the report and errors name the line of the file the user has.
/// </summary>
public static class EccpPageHtml
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "br", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main", "ol", "option", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>Elements whose content is not the profile: code, styles, the head, and the site around the page.</summary>
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "nav", "header", "footer", "button", "select",
    };

    /// <summary>An HTML document: it starts with a tag and closes one.</summary>
    public static bool IsHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.Length > 0 && start[0] == '<' && text.Contains("</", StringComparison.Ordinal);
    }

    /// <summary>The page's text, and for each of its lines the line of the HTML it starts on.</summary>
    public static (string Text, int[] SourceLines) ToText(string html)
    {
        var lines = new List<string>();
        var sourceLines = new List<int>();
        var current = new StringBuilder();
        var currentLine = 1;
        var line = 1;
        void Flush()
        {
            var text = WebUtility.HtmlDecode(current.ToString()).Trim();
            if (text.Length > 0)
            {
                lines.Add(text);
                sourceLines.Add(currentLine);
            }
            current.Clear();
        }
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && i + 1 < html.Length && (char.IsLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                var end = html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal) ? EndOf(html, i, "-->") : EndOf(html, i, ">");
                var tag = html[(i + 1)..Math.Max(i + 1, end - 1)];
                line += Newlines(html, i, end);
                i = end;
                var name = TagName(tag);
                if (name.Length == 0)
                {
                    continue;
                }
                if (BlockElements.Contains(name))
                {
                    Flush();
                }
                if (!tag.StartsWith('/') && !tag.EndsWith('/') && SkippedElements.Contains(name))
                {
                    var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    var closeEnd = close < 0 ? html.Length : EndOf(html, close, ">");
                    line += Newlines(html, i, closeEnd);
                    i = closeEnd;
                    Flush();
                }
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    line++;
                }
                if (current.Length > 0 && current[^1] != ' ')
                {
                    current.Append(' ');
                }
            }
            else
            {
                if (current.Length == 0)
                {
                    currentLine = line;
                }
                current.Append(c);
            }
            i++;
        }
        Flush();
        return (string.Join('\n', lines), [.. sourceLines]);
    }

    private static int EndOf(string html, int start, string terminator)
    {
        var end = html.IndexOf(terminator, start, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + terminator.Length;
    }

    private static int Newlines(string html, int start, int end) => html.AsSpan(start, end - start).Count('\n');

    private static string TagName(string tag)
    {
        var name = tag.TrimStart('/');
        var stop = name.IndexOfAny([' ', '\t', '\r', '\n', '/', '>']);
        return (stop < 0 ? name : name[..stop]).Trim();
    }
}
