using ClusterAtlas.Api;
using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// The columns of the CSV and XLSX exports, generated from the profile schema: the identity columns, then one column
/// per field in the schema's order, and one column per field of a group's rows ("managementTeam.name"). docs/export-columns.md
/// lists them (a test keeps it in step with this list).
/// </summary>
public static class ProfileExportColumns
{
    public static readonly IReadOnlyList<ProfileExportColumn> All =
    [
        new("id", "The profile's number on this platform (another installation numbers its profiles itself).", null),
        new("slug", "The profile's address on the platform, /cluster-organisations/{slug}; an import updates the profile with this slug.", null),
        new("url", "The profile's page.", null),
        new("sampleData", "true for clearly fictitious sample profiles.", null),
        new("publishedAt", "When the profile was first published (UTC, ISO 8601).", null),
        new("updatedAt", "When its content last changed (UTC, ISO 8601).", null),
        .. ProfileSchema.Fields.SelectMany(Columns),
    ];

    private static readonly Dictionary<string, ProfileExportColumn> ByName = All.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public static ProfileExportColumn? Find(string header) => ByName.GetValueOrDefault(header.Trim());

    private static IEnumerable<ProfileExportColumn> Columns(ProfileSchemaField field) => field.Group is { } group
        ? group.Fields.Select(rowField => new ProfileExportColumn(
            $"{ProfileJson.PropertyName(field)}.{ProfileJson.PropertyName(rowField)}", $"{field.Label}: {Describe(rowField)}", rowField, field))
        : [new ProfileExportColumn(ProfileJson.PropertyName(field), $"{field.Label}: {Describe(field)}", field)];

    /// <summary>What a cell of the field holds, in a sentence for the column documentation.</summary>
    public static string Describe(ProfileSchemaField field) => field.Kind switch
    {
        FieldKind.Email or FieldKind.Phone when field.Privacy == ContactPrivacy.RowVisibility =>
            $"{(field.Kind == FieldKind.Email ? "an e-mail address" : "a phone number")}, only where the row shows it to everyone (never a members-only contact)",
        FieldKind.Text => Limit("text", field),
        FieldKind.Markdown => Limit("Markdown", field),
        FieldKind.Url => "a web address (http or https)",
        FieldKind.Email => "an e-mail address",
        FieldKind.Phone => "a phone number",
        FieldKind.Date => "a date, YYYY-MM-DD",
        FieldKind.YesNo => "true, false or empty (not answered)",
        FieldKind.Count => "a whole number",
        FieldKind.Number or FieldKind.Coordinate => field.Range is { } range
            ? ProfileExportColumn.Invariant($"a number from {range.Min} to {range.Max}")
            : "a number",
        FieldKind.Choice => "one of: " + string.Join(", ", ChoiceValues(field)),
        FieldKind.Language => "an ISO 639-1 language code",
        FieldKind.Country => "an ISO 3166-1 alpha-2 country code",
        FieldKind.Lines => Limit("entries", field) + " each",
        FieldKind.Languages => "ISO 639-1 language codes",
        FieldKind.Countries => "ISO 3166-1 alpha-2 country codes",
        FieldKind.Terms => "labels of the vocabulary's terms",
        FieldKind.Logo => "the address of the logo (exported, not imported)",
        _ => field.Kind.ToString(),
    };

    /// <summary>The values a choice takes, as the API writes them (camelCase names of the enumeration).</summary>
    public static IEnumerable<string> ChoiceValues(ProfileSchemaField field)
    {
        // A row's field is a property of its row type; a plain field of the profile has its type from the schema.
        var row = ProfileSchema.Fields.FirstOrDefault(f => f.Group?.Fields.Contains(field) == true)?.Group!.RowType;
        var type = row is null ? field.PlainType : row.GetProperty(field.Name)!.PropertyType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return Enum.GetNames(type).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName);
    }

    private static string Limit(string what, ProfileSchemaField field) =>
        field.MaxLength is { } max ? ProfileExportColumn.Invariant($"{what}, at most {max:N0} characters") : what;
}
