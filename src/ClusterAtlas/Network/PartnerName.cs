using System.Text.RegularExpressions;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.Network;

/// <summary>
/// A cluster's name as people write it, taken apart for matching: the name without a "legally represented by …"
/// suffix, the acronym given in parentheses or as a trailing capitalised word, and the folded forms compared.
/// </summary>
public sealed partial record PartnerName(string Key, string KeyWithoutAcronym, string? Acronym, IReadOnlyList<string> Words)
{
    /// <summary>Words every cluster name has: they say nothing about which cluster is meant.</summary>
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "cluster", "clusters", "klaster", "the", "of", "and", "for", "in", "de", "del", "la", "le", "des", "du", "di",
        "und", "der", "die", "i", "za", "association", "asociacion", "network", "innovation", "industrial",
        "organisation", "organization", "e", "v", "ev", "asbl", "doo", "gmbh", "ltd", "srl", "sa", "udruzenje",
    };

    public static PartnerName Parse(string text)
    {
        var name = RepresentedBy().Replace(text, "").Trim();
        string? acronym = null;
        var parenthesis = Parenthesised().Match(name);
        if (parenthesis.Success)
        {
            var inside = parenthesis.Groups[1].Value.Trim();
            if (LooksLikeAcronym(inside))
            {
                acronym = inside;
            }
            name = (name[..parenthesis.Index] + name[(parenthesis.Index + parenthesis.Length)..]).Trim();
        }
        var words = name.Split([' ', ',', '-', '–', '/', '"', '“', '”', '„'], StringSplitOptions.RemoveEmptyEntries);
        var withoutAcronym = name;
        if (acronym is null && words.Length > 1 && LooksLikeAcronym(words[^1]) && words[^1].Length <= 8)
        {
            acronym = words[^1];
            withoutAcronym = string.Join(' ', words[..^1]);
        }
        if (acronym is null && words.Length == 1 && LooksLikeAcronym(words[0]))
        {
            acronym = words[0];
        }
        var folded = TextFolding.RemoveDiacritics(withoutAcronym).ToLowerInvariant();
        var significant = folded.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => TextFolding.MatchKey(w))
            .Where(w => w.Length > 0 && !GenericWords.Contains(w))
            .Distinct()
            .ToList();
        return new PartnerName(
            TextFolding.MatchKey(name),
            TextFolding.MatchKey(withoutAcronym),
            acronym is null ? null : TextFolding.MatchKey(acronym),
            significant);
    }

    private static readonly char[] Separators = [' ', ',', '-', '–', '/', '"', '“', '”', '„', '.', '(', ')', '\'', '’', '&', ':', ';'];

    /// <summary>Two to ten letters or digits with at least two capitals and no lower-case run of three, e.g. "VOICT", "NiCAT", "TCS".</summary>
    private static bool LooksLikeAcronym(string word)
    {
        var trimmed = word.Trim('"', '“', '”', '„', '.', ',');
        if (trimmed.Length is < 2 or > 10 || !trimmed.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '&'))
        {
            return false;
        }
        return trimmed.Count(char.IsUpper) >= 2 && !LowerRun().IsMatch(trimmed);
    }

    /// <summary>The folded words without generic ones, joined: what a similarity is computed on.</summary>
    public string Core => string.Join(' ', Words);

    [GeneratedRegex(@"[,(\-–]?\s*(legally\s+)?represented\s+by\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepresentedBy();

    [GeneratedRegex(@"\(([^()]*)\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex("[a-z]{3}")]
    private static partial Regex LowerRun();
}
