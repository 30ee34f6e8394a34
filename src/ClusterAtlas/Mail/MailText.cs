using System.Globalization;
using System.Text;

namespace ClusterAtlas.Mail;

/// <summary>
/// What may go into a message from people's input (names, profile names, reasons). In a header a line break would
/// start a header of the sender's choosing (Bcc:, a second body), so subjects and display names keep no line breaks
/// and no control characters; body text keeps its line breaks and loses every other control character.
/// </summary>
public static class MailText
{
    /// <summary>One line for a header: every line break, control or format-breaking separator becomes a space, runs of spaces one.</summary>
    public static string HeaderValue(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var clean = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || IsUnsafe(c);
            if (space)
            {
                if (!lastWasSpace && clean.Length > 0)
                {
                    clean.Append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            clean.Append(c);
            lastWasSpace = false;
        }
        return clean.ToString().TrimEnd();
    }

    /// <summary>Body text: line breaks become "\n" and stay; tabs become spaces; other control characters go.</summary>
    public static string BodyText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var clean = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (c == '\n')
            {
                clean.Append(c);
            }
            else if (c == '\t' || c is '\u2028' or '\u2029')
            {
                clean.Append(c == '\t' ? ' ' : '\n');
            }
            else if (!IsUnsafe(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    /// <summary>C0 and C1 controls (NUL, ESC, DEL...) and the Unicode line and paragraph separators.</summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
