using System.Globalization;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The words of folded names and their stems (<see cref="SearchText.Words"/>, <see cref="SearchText.StemOf"/>), each
/// distinct word interned and stemmed once per load rather than once per name: a million names hold a few thousand
/// distinct words. Not thread-safe: one per load.
/// </summary>
internal sealed class NameWords
{
    private readonly Dictionary<string, (string Word, string Stem)> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Word, string Stem)>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _words = [];
    private readonly List<string> _stems = [];

    public NameWords() => _lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The words of <paramref name="folded"/> as <see cref="SearchText.Words"/> finds them, and their stems, interned.</summary>
    public (string[] Words, string[] Stems) Of(string folded)
    {
        _words.Clear();
        _stems.Clear();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && IsWordChar(folded[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            if (start >= 0)
            {
                var span = folded.AsSpan(start, i - start);
                if (!_lookup.TryGetValue(span, out var known))
                {
                    var word = string.Intern(span.ToString());
                    _known[word] = known = (word, string.Intern(SearchText.StemOf(word)));
                }
                _words.Add(known.Word);
                _stems.Add(known.Stem);
                start = -1;
            }
        }
        return ([.. _words], [.. _stems]);
    }

    /// <summary>What the pattern <c>[\p{L}\p{N}]</c> matches.</summary>
    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
