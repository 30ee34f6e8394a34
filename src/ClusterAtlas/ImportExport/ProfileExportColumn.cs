using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// One column of the CSV and XLSX exports (and of the CSV import): a property of the profile's API JSON
/// (<see cref="Api.ProfileJson"/>), or one field of a group's rows. Cells are read from that JSON, so a column holds
/// exactly what the API shows, members-only contacts left out.
/// </summary>
/// <param name="Name">The header: the JSON property, or "group.field" for a field of a group's rows.</param>
/// <param name="Field">The schema field, or null for an identity column (id, slug, url...).</param>
/// <param name="Group">For a field of a group's rows: the group.</param>
public sealed record ProfileExportColumn(string Name, string Description, ProfileSchemaField? Field, ProfileSchemaField? Group = null)
{
    public const string Separator = "; ";

    /// <summary>Whether the cell joins several values with "; " (lists, terms, the rows of a group).</summary>
    public bool IsMultiValued => Group is not null || Field?.Kind is FieldKind.Lines or FieldKind.Languages or FieldKind.Countries or FieldKind.Terms;

    /// <summary>The JSON property the column comes from (the group's, for a field of its rows).</summary>
    public string Property => Group is not null ? Api.ProfileJson.PropertyName(Group) : Name;

    /// <summary>Whether a cell is a number or yes/no (written as such in a spreadsheet), not text.</summary>
    public bool IsNumeric => !IsMultiValued && (Field?.Kind is FieldKind.Count or FieldKind.Number or FieldKind.Coordinate || Name == "id");

    public bool IsYesNo => !IsMultiValued && (Field?.Kind == FieldKind.YesNo || Name == "sampleData");

    /// <summary>The cell's text: a value as JSON writes it (dates ISO 8601, numbers with a point), several joined with "; ".</summary>
    public string? Text(JsonObject profile)
    {
        if (Group is not null)
        {
            var rowField = Api.ProfileJson.PropertyName(Field!);
            var rows = profile[Property] as JsonArray ?? [];
            return rows.Count == 0 ? null : Join(rows.Select(row => Scalar(row is JsonObject o ? o[rowField] : null)));
        }
        var node = profile[Name];
        if (node is JsonArray items)
        {
            return items.Count == 0 ? null : Join(items.Select(item => Scalar(item is JsonObject term ? term["label"] : item)));
        }
        return Scalar(node);
    }

    /// <summary>A JSON value as text: strings as they are, other values as JSON writes them, null as null.</summary>
    public static string? Scalar(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }
        if (value.TryGetValue<string>(out var text))
        {
            return text;
        }
        var json = value.ToJsonString();
        return value.GetValueKind() == JsonValueKind.String ? JsonSerializer.Deserialize<string>(json) : json;
    }

    /// <summary>Values joined with "; "; a backslash or a semicolon inside a value is escaped with a backslash, so the cell splits back exactly.</summary>
    public static string Join(IEnumerable<string?> values) =>
        string.Join(Separator, values.Select(v => (v ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)));

    /// <summary>The values of a multi-valued cell (the inverse of <see cref="Join"/>): empty ones as null.</summary>
    public static List<string?> Split(string cell)
    {
        var values = new List<string?>();
        var current = new StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c == '\\' && i + 1 < cell.Length && cell[i + 1] is '\\' or ';')
            {
                current.Append(cell[++i]);
            }
            else if (c == ';')
            {
                values.Add(Value(current));
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        values.Add(Value(current));
        return values;

        static string? Value(StringBuilder text) => text.ToString().Trim() is { Length: > 0 } value ? value : null;
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
