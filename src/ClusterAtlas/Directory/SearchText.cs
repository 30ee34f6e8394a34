using System.Text.RegularExpressions;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>A search box's text as folded tokens; the last one is a prefix while people type.</summary>
public sealed partial record SearchText(IReadOnlyList<string> Tokens, bool LastIsPrefix)
{
    private static readonly string[] Endings = ["ations", "ation", "ities", "ity", "ings", "ing", "ive", "ions", "ion", "ies", "es", "ed", "al", "s", "e"];

    /// <summary>The tokens' stems, computed once per search rather than once per compared word.</summary>
    public IReadOnlyList<string> Stems { get; } = [.. Tokens.Select(StemOf)];

    /// <summary>Shorter prefixes match too much to be useful and cost the most.</summary>
    public const int MinimumPrefixLength = 3;

    public const int MaximumTokens = 12;

    public static SearchText? Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return null;
        }
        var folded = SearchDocument.Fold(q);
        var tokens = Token().Matches(folded).Select(m => m.Value).Take(MaximumTokens).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }
        // "metal " (ending in a space) is a finished word; "meta" is still being typed.
        var lastIsPrefix = !char.IsWhiteSpace(q[^1]) && tokens[^1].Length >= MinimumPrefixLength;
        return new SearchText(tokens, lastIsPrefix);
    }

    public string Key => string.Join(' ', Tokens) + (LastIsPrefix ? "*" : "");

    /// <summary>One of the words alone (a prefix if it is the typed last one), for finding what matches some of the words.</summary>
    public SearchText Word(int tokenIndex) => new([Tokens[tokenIndex]], LastIsPrefix && tokenIndex == Tokens.Count - 1);

    /// <summary>A word matches a token as a whole word (the same word or one of its forms), not only as a typed prefix.</summary>
    public bool WholeWordMatches(string foldedWord, string wordStem, int tokenIndex) =>
        string.Equals(wordStem, Stems[tokenIndex], StringComparison.Ordinal)
        || string.Equals(foldedWord, Tokens[tokenIndex], StringComparison.Ordinal);

    /// <summary>Whether a folded word matches a token: equal, or starting with it when the token is the typed prefix.</summary>
    public bool WordMatches(string foldedWord, int tokenIndex) => WordMatches(foldedWord, StemOf(foldedWord), tokenIndex);

    /// <summary>The same, for a word whose stem is already known (the directory keeps the stems of names and terms).</summary>
    public bool WordMatches(string foldedWord, string wordStem, int tokenIndex) =>
        string.Equals(wordStem, Stems[tokenIndex], StringComparison.Ordinal)
        || string.Equals(foldedWord, Tokens[tokenIndex], StringComparison.Ordinal)
        || (tokenIndex == Tokens.Count - 1 && LastIsPrefix && foldedWord.StartsWith(Tokens[tokenIndex], StringComparison.Ordinal));

    /// <summary>A light stem for in-memory matching and highlighting ("clusters" ~ "cluster", "innovation" ~ "innovative").</summary>
    public static string StemOf(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 4 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }
        return word;
    }

    public static IEnumerable<string> Words(string folded) => Token().Matches(folded).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Token();
}
