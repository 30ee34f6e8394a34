using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Localisation;

/// <summary>
/// Counts in words: <c>T.Plural(n, T["{0} collaboration"], T["{0} collaborations|few"], T["{0} collaborations"])</c>
/// picks the form for <see cref="PluralRules"/>' category of n in the reader's language and writes n into {0} (the
/// reader's way, with group separators). The keys are the English forms; the "few" key (the "other" form with
/// "|few") is read only in languages that have it (Serbian), so English never shows it.
/// </summary>
public static class Plurals
{
    public static string Plural(this IStringLocalizer T, long count, LocalizedString one, LocalizedString few, LocalizedString other, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(T);
        var form = PluralRules.Of(CultureInfo.CurrentUICulture, count) switch
        {
            PluralCategory.One => one,
            PluralCategory.Few => few,
            _ => other,
        };
        return string.Format(CultureInfo.CurrentCulture, form.Value, [count.ToString("N0", CultureInfo.CurrentCulture), .. more]);
    }
}
