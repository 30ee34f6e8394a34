using System.Text;
using System.Text.RegularExpressions;

namespace ClusterAtlas.ImportExport;

/// <summary>Turns text saved from a web page into Markdown that keeps its numbered and bulleted lists.</summary>
public static partial class PlainTextMarkdown
{
    public static string? FromPageText(IEnumerable<string> lines)
    {
        var output = new StringBuilder();
        string? previousKind = null;
        var pendingBlank = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                pendingBlank = previousKind is not null;
                continue;
            }
            string kind;
            string content;
            var numbered = NumberedItem().Match(line);
            var bullet = BulletItem().Match(line);
            if (numbered.Success)
            {
                kind = "ol";
                content = $"{numbered.Groups["n"].Value}. {Escape(line[numbered.Length..].Trim())}";
            }
            else if (bullet.Success)
            {
                kind = "ul";
                content = $"- {Escape(line[bullet.Length..].Trim())}";
            }
            else
            {
                kind = "p";
                content = Escape(line);
            }
            if (previousKind is not null)
            {
                // A list item after a list item of the same kind stays in the list (loose lists render the same);
                // anything else starts a new block.
                output.Append(kind == previousKind && kind != "p" ? (pendingBlank ? "\n\n" : "\n")
                    : kind == "p" && previousKind == "p" && !pendingBlank ? "\n"
                    : "\n\n");
            }
            output.Append(content);
            previousKind = kind;
            pendingBlank = false;
        }
        return output.Length == 0 ? null : output.ToString();
    }

    /// <summary>Escapes the characters that would make plain text into Markdown syntax.</summary>
    public static string Escape(string text)
    {
        var escaped = MarkdownSpecial().Replace(text, @"\$0");
        // A line that starts like a heading, quote or list marker is plain text here.
        var numberLike = LeadingNumberMarker().Match(escaped);
        if (numberLike.Success)
        {
            return escaped.Insert(numberLike.Groups["mark"].Index, "\\");
        }
        return LeadingBlockMarker().Replace(escaped, @"\$0");
    }

    [GeneratedRegex(@"^(?<n>\d{1,3})[.)]\s+")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^[•·▪◦‣*-]\s+")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"[\\`*_\[\]<>|]")]
    private static partial Regex MarkdownSpecial();

    [GeneratedRegex(@"^(?:#|>|\+ |=+$)")]
    private static partial Regex LeadingBlockMarker();

    [GeneratedRegex(@"^\d+(?<mark>[.)])(?: |$)")]
    private static partial Regex LeadingNumberMarker();
}
