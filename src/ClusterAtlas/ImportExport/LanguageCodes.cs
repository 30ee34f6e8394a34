using System.Globalization;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.ImportExport;

/// <summary>ISO 639-1 language codes from English (or native) language names, using the platform's culture data.</summary>
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
        return map;
    });

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
