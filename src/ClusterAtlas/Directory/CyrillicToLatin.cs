using System.Text;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Cyrillic letters as Latin ones, for search: Serbian readers write in both scripts, and the directory's texts and
/// its Serbian names of countries and terms are in Latin, so "метал" must find what "metal" finds. Serbian letters by
/// Serbian Latin (Ђ → Đ, Љ → Lj, Џ → Dž), the other Cyrillic alphabets' letters by their usual Latin spelling. Applied
/// to the indexed texts and to the words searched alike (<see cref="SearchDocument.Fold"/>).
/// </summary>
public static class CyrillicToLatin
{
    private static readonly Dictionary<char, string> Letters = Build();

    public static string Convert(string text)
    {
        if (Ascii.IsValid(text) || !text.AsSpan().ContainsAnyInRange('\u0400', '\u04FF'))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Letters.TryGetValue(c, out var latin))
            {
                builder.Append(latin);
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static Dictionary<char, string> Build()
    {
        // Lower case; the capitals are derived (a two-letter capital is written "Lj", as at the start of a word).
        var lower = new Dictionary<char, string>
        {
            ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['ђ'] = "đ", ['е'] = "e", ['ж'] = "ž", ['з'] = "z",
            ['и'] = "i", ['ј'] = "j", ['к'] = "k", ['л'] = "l", ['љ'] = "lj", ['м'] = "m", ['н'] = "n", ['њ'] = "nj", ['о'] = "o",
            ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['ћ'] = "ć", ['у'] = "u", ['ф'] = "f", ['х'] = "h", ['ц'] = "c",
            ['ч'] = "č", ['џ'] = "dž", ['ш'] = "š",
            // Macedonian, Bulgarian, Russian, Ukrainian, Belarusian.
            ['ѓ'] = "gj", ['ќ'] = "kj", ['ѕ'] = "dz", ['й'] = "j", ['щ'] = "šč", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e",
            ['ю'] = "ju", ['я'] = "ja", ['ё'] = "e", ['є'] = "je", ['і'] = "i", ['ї'] = "ji", ['ґ'] = "g", ['ў'] = "u",
        };
        var letters = new Dictionary<char, string>(lower);
        foreach (var (c, latin) in lower)
        {
            var capital = char.ToUpperInvariant(c);
            if (capital != c)
            {
                letters[capital] = latin.Length == 0 ? "" : char.ToUpperInvariant(latin[0]) + latin[1..];
            }
        }
        return letters;
    }
}
