using System.Net;
using System.Text;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>A short passage around the first word that matches, HTML-encoded, with the matching words marked.</summary>
public static class SearchSnippet
{
    public static string? Build(string original, SearchText text, int wordsAround = 14)
    {
        var plain = original.Replace("\\", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var words = System.Text.RegularExpressions.Regex.Matches(plain, @"[\p{L}\p{N}]+");
        var matchAt = -1;
        var marked = new bool[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            var folded = SearchDocument.Fold(words[w].Value);
            for (var t = 0; t < text.Tokens.Count; t++)
            {
                if (text.WordMatches(folded, t))
                {
                    marked[w] = true;
                    if (matchAt < 0)
                    {
                        matchAt = w;
                    }
                    break;
                }
            }
        }
        if (matchAt < 0)
        {
            return null;
        }
        var first = Math.Max(0, matchAt - wordsAround / 3);
        var last = Math.Min(words.Count - 1, first + wordsAround);
        var html = new StringBuilder();
        if (first > 0)
        {
            html.Append("… ");
        }
        var position = words[first].Index;
        for (var w = first; w <= last; w++)
        {
            html.Append(WebUtility.HtmlEncode(plain[position..words[w].Index]));
            var word = WebUtility.HtmlEncode(words[w].Value);
            html.Append(marked[w] ? $"<mark>{word}</mark>" : word);
            position = words[w].Index + words[w].Length;
        }
        if (last < words.Count - 1)
        {
            html.Append(" …");
        }
        return html.ToString().Trim();
    }
}
