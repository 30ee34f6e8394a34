using System.Globalization;
using System.Text.RegularExpressions;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// The readers of single values on a saved ECCP page, shared by every field of their kind: one text, a block of text,
/// a date, a count, yes or no, countries, languages, terms, a web address. Each reports what it took and what it could not
/// read, with the line.
/// </summary>
public sealed partial class EccpValueReaders(CountryList countries)
{
    internal static readonly string[] DateFormats =
    [
        "dddd, d MMMM, yyyy", "dddd, d MMMM yyyy", "d MMMM, yyyy", "d MMMM yyyy", "MMMM d, yyyy", "yyyy-MM-dd",
        "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yyyy.", "dd-MM-yyyy",
    ];

    internal static string Single(List<EccpPageValue> values, string field, ImportReport report)
    {
        report.Took(field, values[0].Text, values[0].Line);
        foreach (var extra in values.Skip(1))
        {
            report.NotPlaced(field, extra.Text, extra.Line, "the field takes one value");
        }
        return values[0].Text;
    }

    internal static string JoinText(List<EccpPageValue> values, ImportReport report, string field)
    {
        report.Took(field, values.Count == 1 ? values[0].Text : $"{values.Count} lines of text", values[0].Line);
        return string.Join("\n", values.Select(v => v.Text));
    }

    internal void PlaceCountry(List<EccpPageValue> values, ImportReport report, Action<string> set)
    {
        var country = countries.Find(values[0].Text);
        if (country is null)
        {
            report.NotPlaced("country", values[0].Text, values[0].Line, "not a country name or ISO code known here");
            return;
        }
        set(country.Code);
        report.Took("country", country.Name, values[0].Line);
    }

    internal static void PlaceDate(List<EccpPageValue> values, string field, ImportReport report, Action<DateOnly> set, bool allowFuture)
    {
        var v = values[0];
        var text = v.Text.Trim();
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            if (!allowFuture && date > DateOnly.FromDateTime(DateTime.UtcNow))
            {
                report.NotPlaced(field, text, v.Line, "a date in the future");
                return;
            }
            set(date);
            report.Took(field, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Line);
            return;
        }
        report.NotPlaced(field, text, v.Line, "not a date (expected e.g. \"Friday, 21 October, 2011\" or 2011-10-21)");
    }

    internal static void PlaceLanguages(List<EccpPageValue> values, ImportReport report, List<string> languages)
    {
        foreach (var v in values)
        {
            foreach (var part in v.Text.Split([',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var code = LanguageCodes.Find(part);
                if (code is null)
                {
                    report.NotPlaced("languages spoken", part, v.Line, "not a language name or ISO 639-1 code known here");
                }
                else if (!languages.Contains(code))
                {
                    languages.Add(code);
                    report.Took("languages spoken", code, v.Line);
                }
            }
        }
    }

    internal static void AddTerms(List<EccpPageValue> values, ProfileField field, List<TermReference> terms)
    {
        foreach (var v in values)
        {
            terms.Add(new TermReference(field, v.Text, v.Line));
        }
    }

    internal static void PlaceCount(List<EccpPageValue> values, string field, ImportReport report, Action<int> set)
    {
        var v = values[0];
        var text = v.Text.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var number = LeadingNumber().Match(text);
        if (number.Success && int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            set(count);
            report.Took(field, count.ToString(CultureInfo.InvariantCulture), v.Line);
        }
        else
        {
            report.NotPlaced(field, v.Text, v.Line, "not a whole number");
        }
        foreach (var extra in values.Skip(1))
        {
            report.NotPlaced(field, extra.Text, extra.Line, "the field takes one number");
        }
    }

    internal static void PlaceYesNo(List<EccpPageValue> values, string field, ImportReport report, Action<bool> set)
    {
        var v = values[0];
        bool? answer = TextFolding.MatchKey(v.Text) switch
        {
            "yes" or "y" or "true" or "da" or "ja" or "oui" or "si" => true,
            "no" or "n" or "false" or "ne" or "nein" or "non" => false,
            _ => null,
        };
        if (answer is null)
        {
            report.NotPlaced(field, v.Text, v.Line, "expected Yes or No");
            return;
        }
        set(answer.Value);
        report.Took(field, answer.Value ? "yes" : "no", v.Line);
    }

    internal void PlaceCountries(List<EccpPageValue> values, string field, ImportReport report, List<string> target)
    {
        foreach (var v in values)
        {
            var whole = countries.Find(v.Text);
            var parts = whole is not null ? [v.Text] : v.Text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var part in parts)
            {
                var country = countries.Find(part);
                if (country is null)
                {
                    report.NotPlaced(field, part, v.Line, "not a country name known here");
                }
                else if (!target.Contains(country.Code))
                {
                    target.Add(country.Code);
                    report.Took(field, country.Name, v.Line);
                }
            }
        }
    }

    /// <summary>A web address as the link policy stores it, or null with a note in the report naming the line.</summary>
    internal static string? WebAddress(string? text, string fieldName, List<EccpPageValue> values, ImportReport report)
    {
        if (text is null)
        {
            return null;
        }
        if (LinkPolicy.NormaliseWebAddress(text) is { } url)
        {
            return url;
        }
        var line = values.FirstOrDefault(v => v.Text.Contains(text.Trim(), StringComparison.Ordinal))?.Line ?? (values.Count > 0 ? values[0].Line : 0);
        report.NotPlaced(fieldName, text, line, "not a web address: only http and https links of a named host are stored");
        return null;
    }

    [GeneratedRegex(@"^\d+(?:[.,]\d+)?", RegexOptions.NonBacktracking)]
    internal static partial Regex LeadingNumber();

    [GeneratedRegex(@"https?://[^\s<>""]+|www\.[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex UrlPattern();
}
