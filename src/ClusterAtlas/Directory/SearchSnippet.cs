using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>A short passage around the first word that matches, HTML-encoded, with the matching words marked.</summary>
public static partial class SearchSnippet
{
    /// <summary>
    /// Reads the text's words only as far as the passage needs: up to the first match, keeping the few words before
    /// it, then the passage and one word more (to know whether "…" follows). Matching and folding every word of a
    /// profile's whole text was a tenth of a search page's time.
    /// </summary>
    public static string? Build(string original, SearchText text, int wordsAround = 14)
    {
        var before = wordsAround / 3;
        var words = new List<(int Index, int Length)>(wordsAround + 2);
        var dropped = 0;
        var matchAt = -1;
        foreach (var match in Word().EnumerateMatches(original))
        {
            words.Add((match.Index, match.Length));
            if (matchAt >= 0)
            {
                if (words.Count > matchAt - Math.Min(before, matchAt) + wordsAround + 1)
                {
                    break; // the passage and one word more
                }
                continue;
            }
            if (MayMatch(original[match.Index], text) && Matches(original.Substring(match.Index, match.Length), text))
            {
                matchAt = words.Count - 1;
            }
            else if (words.Count > before)
            {
                words.RemoveAt(0);
                dropped++;
            }
        }
        if (matchAt < 0)
        {
            return null;
        }
        var first = Math.Max(0, matchAt - before);
        var last = Math.Min(words.Count - 1, first + wordsAround);
        var html = new StringBuilder();
        if (first + dropped > 0)
        {
            html.Append("… ");
        }
        var position = words[first].Index;
        for (var w = first; w <= last; w++)
        {
            var (index, length) = words[w];
            html.Append(WebUtility.HtmlEncode(Gap(original[position..index])));
            var word = WebUtility.HtmlEncode(original.Substring(index, length));
            html.Append(w == matchAt || (w > matchAt && MayMatch(original[index], text) && Matches(original.Substring(index, length), text)) ? $"<mark>{word}</mark>" : word);
            position = index + length;
        }
        if (last < words.Count - 1)
        {
            html.Append(" …");
        }
        return html.ToString().Trim();
    }

    /// <summary>
    /// False when the word cannot match: a match (equal, same stem, or typed prefix) starts with a token's first letter.
    /// Checked on the first character before a word is cut out and folded, which most words of a text never need.
    /// Letters beyond ASCII may fold to another letter: they are always checked in full.
    /// </summary>
    private static bool MayMatch(char first, SearchText text)
    {
        if (!char.IsAscii(first))
        {
            return true;
        }
        var folded = char.ToLowerInvariant(first);
        for (var t = 0; t < text.Tokens.Count; t++)
        {
            if (text.Tokens[t].Length > 0 && text.Tokens[t][0] == folded)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The text between two words without Markdown's escapes and line breaks: words never hold them, so they are taken
    /// out of the few gaps shown rather than out of a copy of the whole text.
    /// </summary>
    private static string Gap(string between) =>
        between.AsSpan().IndexOfAny('\\', '\n') < 0 ? between : between.Replace("\\", "", StringComparison.Ordinal).Replace('\n', ' ');

    private static bool Matches(string word, SearchText text)
    {
        var folded = SearchDocument.Fold(word);
        for (var t = 0; t < text.Tokens.Count; t++)
        {
            if (text.WordMatches(folded, t))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
