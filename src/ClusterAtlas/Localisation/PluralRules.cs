using System.Globalization;

namespace ClusterAtlas.Localisation;

/// <summary>The CLDR plural categories a whole number takes in a language (cardinal numbers).</summary>
public enum PluralCategory { One, Few, Other }

/// <summary>
/// CLDR's cardinal plural rules for whole numbers in the site's languages (cldr-core's supplemental/plurals.json,
/// which the test suite checks these against): English and German have "one" (1) and "other"; Serbian has "one"
/// (21, 31, … but not 11), "few" (2–4, 22–24, … but not 12–14) and "other".
/// </summary>
public static class PluralRules
{
    public static PluralCategory Of(CultureInfo culture, long count)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var n = Math.Abs(count);
        if (culture.TwoLetterISOLanguageName != "sr")
        {
            return n == 1 ? PluralCategory.One : PluralCategory.Other;
        }
        var (lastDigit, lastTwo) = (n % 10, n % 100);
        if (lastDigit == 1 && lastTwo != 11)
        {
            return PluralCategory.One;
        }
        return lastDigit is >= 2 and <= 4 && lastTwo is not (>= 12 and <= 14) ? PluralCategory.Few : PluralCategory.Other;
    }
}
