using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.Vocabularies;

/// <summary>
/// ISO 3166-1 countries with English names, the other spellings profiles use, their names in Serbian and German
/// and their main language (both from CLDR, written into Data/Seed by scripts/generate-cldr-data.mjs).
/// </summary>
public sealed class CountryList
{
    /// <summary>The translation file of country names, in Data/Seed/translations.</summary>
    public const string TranslationsFile = "countries";
    public const string LanguagesFile = "country-languages.tsv";

    private readonly Dictionary<string, Country> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Country> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byCallingCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _translations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _languages = new(StringComparer.OrdinalIgnoreCase);

    public CountryList(
        IEnumerable<Country> countries,
        IEnumerable<(string CallingCode, string CountryCode)>? callingCodes = null,
        IEnumerable<string[]>? translations = null,
        IEnumerable<string[]>? languages = null)
    {
        foreach (var (callingCode, countryCode) in callingCodes ?? [])
        {
            _byCallingCode.TryAdd(callingCode, countryCode);
        }
        foreach (var row in translations ?? [])
        {
            _translations[row[0]] = row[1..];
        }
        foreach (var row in languages ?? [])
        {
            _languages[row[0]] = row[1];
        }
        foreach (var country in countries)
        {
            _byCode[country.Code] = country;
            _byKey.TryAdd(TextFolding.MatchKey(country.Name), country);
            foreach (var alias in country.Aliases)
            {
                _byKey.TryAdd(TextFolding.MatchKey(alias), country);
            }
        }
        // Serbian and German names last, so that none hides another country's English name or alias.
        foreach (var (code, names) in _translations)
        {
            if (_byCode.TryGetValue(code, out var country))
            {
                foreach (var name in names)
                {
                    _byKey.TryAdd(TextFolding.MatchKey(name), country);
                }
            }
        }
        All = [.. _byCode.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Country> All { get; }

    public static CountryList Load() =>
        new(ReadFile(SeedFiles.PathOf("countries.tsv")), ReadCallingCodes(SeedFiles.PathOf("calling-codes.tsv")),
            DataLanguages.ReadRows(SeedFiles.PathOf(Path.Combine(TermTranslations.Folder, TranslationsFile + ".tsv"))),
            DataLanguages.ReadRows(SeedFiles.PathOf(LanguagesFile)));

    /// <summary>The country of an international phone number ("+381 21 ..." or "00381 ..."), by the longest calling code that matches.</summary>
    public Country? FindByPhone(string phone)
    {
        var trimmed = phone.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (!trimmed.StartsWith('+'))
        {
            return null;
        }
        for (var length = Math.Min(3, digits.Length); length > 0; length--)
        {
            if (_byCallingCode.TryGetValue(digits[..length], out var code))
            {
                return ByCode(code);
            }
        }
        return null;
    }

    private static IEnumerable<(string, string)> ReadCallingCodes(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var parts = line.Split('\t');
            yield return (parts[0], parts[1].Split(' ')[0]);
        }
    }

    public Country? ByCode(string? code) => code is not null && _byCode.TryGetValue(code, out var c) ? c : null;

    /// <summary>The English name (what profiles, diffs and the search index store); <see cref="LocalisedName"/> for pages.</summary>
    public string NameOf(string? code) => ByCode(code)?.Name ?? code ?? "";

    /// <summary>The country's name in the current UI language.</summary>
    public string LocalisedName(string? code)
    {
        var column = DataLanguages.CurrentColumn();
        return column >= 0 && code is not null && _translations.TryGetValue(code, out var names) && column < names.Length
            ? names[column]
            : NameOf(code);
    }

    /// <summary>The country's names in the translated languages (for search).</summary>
    public IReadOnlyList<string> TranslationsOf(string? code) =>
        code is not null && _translations.TryGetValue(code, out var names) ? names : [];

    /// <summary>The country's main official language (ISO 639-1), the default language of a profile's local name.</summary>
    public string? MainLanguageOf(string? code) => code is not null ? _languages.GetValueOrDefault(code) : null;

    /// <summary>Finds a country by its name, another spelling or its two-letter code.</summary>
    public Country? Find(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', '*');
        if (trimmed.Length == 2 && _byCode.TryGetValue(trimmed, out var byCode) && trimmed.All(char.IsUpper))
        {
            return byCode;
        }
        return _byKey.GetValueOrDefault(TextFolding.MatchKey(trimmed));
    }

    private static IEnumerable<Country> ReadFile(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var parts = line.Split('\t');
            yield return new Country
            {
                Code = parts[0],
                Name = parts[1],
                Aliases = parts.Length > 2 && parts[2].Length > 0 ? [.. parts[2].Split('|')] : [],
            };
        }
    }
}
