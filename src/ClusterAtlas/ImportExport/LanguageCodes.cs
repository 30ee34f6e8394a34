using System.Globalization;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.ImportExport;

/// <summary>ISO 639-1 language codes from language names (English, native or in the platform's languages), using the platform's culture data.</summary>
public static class LanguageCodes
{
    private static readonly Lazy<Dictionary<string, string>> ByName = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.NeutralCultures))
        {
            var code = culture.TwoLetterISOLanguageName;
            if (code.Length != 2 || culture.Name != code)
            {
                continue;
            }
            map.TryAdd(TextFolding.MatchKey(culture.EnglishName), code);
            map.TryAdd(TextFolding.MatchKey(culture.NativeName), code);
        }
        // Then the names in the platform's languages ("Serbisch", "nemački"), which the profile form shows its readers:
        // last, so that none hides a language's English or own name.
        var neutral = map.Values.Distinct().ToList();
        foreach (var language in Localisation.Languages.Supported)
        {
            foreach (var code in neutral)
            {
                map.TryAdd(TextFolding.MatchKey(NameIn(code, language.Culture)), code);
            }
        }
        return map;
    });

    /// <summary>The language's name in the language of the page ("Serbisch" on a German page), from the culture data.</summary>
    public static string LocalisedName(string code) => NameIn(code, CultureInfo.CurrentUICulture);

    /// <summary>
    /// The name a form shows, to be read back as the same language: the page's name, or the English one where the page's
    /// would be read as another (German names Sichuan Yi "Yi", which is Yiddish's code).
    /// </summary>
    public static string NameToType(string code) => LocalisedName(code) is var name && Find(name) == code ? name : EnglishName(code);

    /// <summary>
    /// The culture data names a language in the current UI culture's language (its display name); there is no call that
    /// takes the language to name it in, so the thread's UI culture is that one for the moment of the call.
    /// </summary>
    private static string NameIn(string code, CultureInfo language)
    {
        var current = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = language;
            return CultureInfo.GetCultureInfo(code).DisplayName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
    }

    /// <summary>Every ISO 639-1 language the platform knows, with its name in that language, in the order of the codes.</summary>
    public static IReadOnlyList<(string Code, string NativeName)> All => AllLanguages.Value;

    private static readonly Lazy<IReadOnlyList<(string Code, string NativeName)>> AllLanguages = new(() =>
        [.. ByName.Value.Values.Distinct().Order(StringComparer.Ordinal).Select(code => (code, NativeName(code)))]);

    /// <summary>The language's name in that language ("srpski" is written "српски"), or the code when the platform does not know it.</summary>
    public static string NativeName(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).NativeName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    public static string? Find(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 2 && trimmed.All(char.IsAsciiLetter))
        {
            var code = trimmed.ToLowerInvariant();
            return ByName.Value.ContainsValue(code) ? code : null;
        }
        return ByName.Value.GetValueOrDefault(TextFolding.MatchKey(trimmed));
    }

    public static string EnglishName(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
