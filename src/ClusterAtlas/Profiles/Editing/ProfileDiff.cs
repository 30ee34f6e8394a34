using System.Globalization;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// Compares two versions of a profile form field by field, with term and country names spelled out and choices
/// (visibility, programme level, label) in words of the page's language, never the names of the code's enums.
/// </summary>
public sealed class ProfileDiff(IReadOnlyDictionary<int, string> termLabels, CountryList countries, IStringLocalizer T)
{
    public IReadOnlyList<FieldChange> Compare(ProfileForm before, ProfileForm after)
    {
        var left = Describe(before.Normalised());
        var right = Describe(after.Normalised());
        return [.. ProfileFormLabels.Of.Keys
            .Where(p => !left[p].SequenceEqual(right[p]))
            .Select(p => new FieldChange(p, ProfileFormLabels.Of[p], left[p], right[p]))];
    }

    /// <summary>Every field as lines of text.</summary>
    public Dictionary<string, IReadOnlyList<string>> Describe(ProfileForm f)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in ProfileFormLabels.Of.Keys)
        {
            var value = ProfileSchema.Field(property).FormValue(f);
            values[property] = property switch
            {
                nameof(ClusterOrganisation.LocalLanguage) => Text(value is string language ? $"{ImportExport.LanguageCodes.NativeName(language)} ({language})" : null),
                nameof(ClusterOrganisation.CountryCode) => Text(value is string country ? countries.LocalisedName(country) : null),
                // The logo by the start of its hash: enough to tell two versions apart.
                ProfileForm.Logo => value is string logo ? [logo.Length > 12 ? logo[..12] : logo] : [],
                _ when ProfileForm.TermLists.FirstOrDefault(t => t.Property == property) is { Property: not null } list =>
                    [.. f.TermIds(list.Field).Select(id => termLabels.GetValueOrDefault(id, $"#{id}"))],
                // A person's contact data goes with who may see it.
                nameof(ProfileForm.ManagementTeam) => [.. f.ManagementTeam.Select(m => Join(m.Name, m.Role, m.Email, m.Phone) + $" ({Word(m.ContactVisibility)})")],
                _ when ProfileSchema.Find(property)?.Group is { } group =>
                    [.. ((System.Collections.IEnumerable)value!).Cast<object>().Select(row => Join([.. group.Fields.Select(field => Word(field, field.FormValue(row)))]))],
                _ => value switch
                {
                    null => [],
                    string s => Text(s),
                    bool b => [b ? T["Yes"] : T["No"]],
                    DateOnly d => [d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                    decimal m => [m.ToString("0.##", CultureInfo.InvariantCulture)],
                    int i => [i.ToString(CultureInfo.InvariantCulture)],
                    Enum e => [Word(e)],
                    _ => [Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""],
                },
            };
        }
        return values;
    }

    /// <summary>A value of a row's field as a line of the diff shows it.</summary>
    private string? Word(ProfileSchemaField field, object? value) => value switch
    {
        null => null,
        Enum e => Word(e),
        string code when field.Kind == FieldKind.Country => countries.LocalisedName(code),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A choice as the form words it.</summary>
    private string Word(Enum choice) => choice switch
    {
        ContactVisibility.Public => T["Everyone"],
        ContactVisibility.MembersOnly => T["Signed-in members only"],
        ContactVisibility.Hidden => T["Nobody"],
        SupportProgrammeLevel.Regional => T["Regional"],
        SupportProgrammeLevel.National => T["National"],
        SupportProgrammeLevel.RegionalOrNational => T["Regional/National"],
        SupportProgrammeLevel.European => T["European"],
        SupportProgrammeLevel.International => T["International"],
        SupportProgrammeLevel.EuropeanOrInternational => T["European/International"],
        ExcellenceLabel.None => T["No label"],
        ExcellenceLabel.Bronze => T["Bronze Label"],
        ExcellenceLabel.Silver => T["Silver Label"],
        ExcellenceLabel.Gold => T["Gold Label"],
        _ => choice.ToString(),
    };

    private static string[] Text(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];

    private static string Join(params string?[] parts) =>
        string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.ReplaceLineEndings(" ")));
}
