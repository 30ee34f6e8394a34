using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace ClusterAtlas.Localisation;

/// <summary>
/// The languages of the user interface. The visitor's choice (the standard culture cookie, set by the
/// switcher in the layout) comes first, then the browser's Accept-Language, then English.
/// Profile content is not translated: it stays in the language it was written in.
/// </summary>
public static class Languages
{
    public const string Default = "en";

    /// <summary>The UI languages, each named in its own language (as the switcher shows them).</summary>
    public static readonly IReadOnlyList<(CultureInfo Culture, string OwnName)> Supported =
    [
        (WithEuropeanDates("en", longDate: "d MMMM yyyy", shortDate: "dd/MM/yyyy"), "English"),
        // Serbian writes a date alone "7. decembar 2026.", but pages put dates inside sentences ("... do {0}.", "{0}:"),
        // where the year's period doubled the sentence's punctuation ("2026..", "2026.:"): the long date goes without it.
        (WithEuropeanDates("sr-Latn", longDate: "d. MMMM yyyy", shortDate: "d. M. yyyy."), "Srpski"),
        (WithEuropeanDates("de", longDate: "d. MMMM yyyy", shortDate: "dd.MM.yyyy"), "Deutsch"),
    ];

    /// <summary>
    /// The culture with dates as European readers write them: the neutral cultures' defaults are American for English
    /// ("October 21, 2011", "6/30/2027", "2:05 PM") and name the weekday in Serbian. Pages format dates with "D"
    /// (long date) and "f" (long date and time), so these patterns decide how every page shows a date.
    /// </summary>
    private static CultureInfo WithEuropeanDates(string name, string longDate, string shortDate)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        culture.DateTimeFormat.LongDatePattern = longDate;
        culture.DateTimeFormat.ShortDatePattern = shortDate;
        culture.DateTimeFormat.ShortTimePattern = "HH:mm";
        culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        culture.DateTimeFormat.FullDateTimePattern = longDate + " HH:mm:ss";
        return CultureInfo.ReadOnly(culture);
    }

    public const string SwitchPath = "/language";

    /// <summary>The supported culture that best matches an Accept-Language header, in the visitor's order of preference.</summary>
    /// <remarks>
    /// Like the framework's provider, but any Serbian (sr, sr-RS, sr-Cyrl...) gets the Latin-script UI:
    /// Serbian readers read both scripts, and it beats falling back to English.
    /// </remarks>
    public static ProviderCultureResult? FromAcceptLanguage(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage) || !StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var languages))
        {
            return null;
        }
        foreach (var language in languages.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            if (Match(language.Value.Value) is { } name)
            {
                return new ProviderCultureResult(name);
            }
        }
        return null;
    }

    /// <summary>The supported culture a language tag asks for ("sr", "sr-RS" → sr-Latn; "de-AT" → de), or null.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag == "*")
        {
            return null;
        }
        if (tag.Equals("sr", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("sr-", StringComparison.OrdinalIgnoreCase))
        {
            return "sr-Latn";
        }
        // en-GB → en, de-AT → de: the first supported culture that is the tag or one of its prefixes.
        for (var candidate = tag; candidate.Length > 0; candidate = candidate.Contains('-', StringComparison.Ordinal) ? candidate[..candidate.LastIndexOf('-')] : "")
        {
            var found = Supported.FirstOrDefault(l => string.Equals(l.Culture.Name, candidate, StringComparison.OrdinalIgnoreCase)).Culture;
            if (found is not null)
            {
                return found.Name;
            }
        }
        return null;
    }
}
