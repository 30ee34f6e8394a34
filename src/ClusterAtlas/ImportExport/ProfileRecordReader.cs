using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.Api;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Puts a profile's JSON (the API's shape) into a <see cref="ProfileForm"/>, field by field from the profile schema.
/// A property that is there sets its field (null empties it); one that is not leaves the field as it is. A value that
/// does not fit its field (wrong kind, a link the link policy refuses, a property the profile does not have) is left
/// out and reported with its path. Terms are found by label; a label no vocabulary has is kept for a proposed term.
/// </summary>
public sealed class ProfileRecordReader(ProfileImportTerms terms, ImportReport report, int line)
{
    private static readonly Dictionary<string, ProfileSchemaField> FieldsByProperty =
        ProfileSchema.Fields.ToDictionary(ProfileJson.PropertyName, StringComparer.OrdinalIgnoreCase);

    /// <summary>Labels no vocabulary has, by the field they were given for: proposed terms, once the record is accepted.</summary>
    public List<(ProfileField Field, string Label, string Path)> NewTerms { get; } = [];

    /// <summary>The terms the record names (retired ones included: a profile keeps the retired terms it has).</summary>
    public HashSet<int> TermIds { get; } = [];

    public void Read(JsonObject record, ProfileForm form, ClusterOrganisation? existing)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var (name, node) in record)
        {
            if (ProfileJson.IdentityProperties.Contains(name))
            {
                continue;
            }
            if (!FieldsByProperty.TryGetValue(name, out var field))
            {
                report.NotPlaced(name, Show(node), line, "the profile has no such field");
                continue;
            }
            switch (field.Kind)
            {
                case FieldKind.Group:
                    Rows(field, name, node, form, existing);
                    break;
                case FieldKind.Terms:
                    Terms(field, name, node, form);
                    break;
                case FieldKind.Logo:
                    var logo = ProfileExportColumn.Scalar(node);
                    // The logo is uploaded on the profile's page; the export's address of the same logo is no change.
                    if (logo is not null && !(existing?.LogoSha256 is { } sha && logo.EndsWith(sha, StringComparison.Ordinal)))
                    {
                        report.NotPlaced(name, logo, line, "a logo is uploaded on the profile's page; imports leave the logo as it is");
                    }
                    break;
                default:
                    Scalar(field, name, node, form);
                    break;
            }
        }
    }

    /// <summary>A plain field of the form or of a row: set when the value fits, else reported.</summary>
    private void Scalar(ProfileSchemaField field, string path, JsonNode? node, object target)
    {
        // The profile's form keeps plain fields by their schema name; a row keeps them as properties.
        var type = target is ProfileForm ? field.PlainType : target.GetType().GetProperty(field.Name)!.PropertyType;
        if (Convert(field, node, type, out var value, out var problem))
        {
            field.SetFormValue(target, value);
        }
        else
        {
            report.NotPlaced(path, Show(node), line, problem!);
        }
    }

    private static bool Convert(ProfileSchemaField field, JsonNode? node, Type type, out object? value, out string? problem)
    {
        (value, problem) = (null, null);
        if (node is null)
        {
            return true;
        }
        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        switch (field.Kind)
        {
            case FieldKind.Lines or FieldKind.Languages or FieldKind.Countries:
                if (node is JsonArray items && items.All(i => i is JsonValue iv && iv.GetValueKind() == JsonValueKind.String))
                {
                    var separator = field.Kind == FieldKind.Languages ? ", " : "\n";
                    value = items.Count == 0 ? null : string.Join(separator, items.Select(i => i!.GetValue<string>()));
                    return true;
                }
                value = text;
                problem = text is null ? "expected a list of texts" : null;
                return text is not null;
            case FieldKind.Url:
                value = LinkPolicy.NormaliseWebAddress(text);
                problem = "not a web address the link policy allows (http or https, with a named host)";
                return value is not null;
            case FieldKind.Date:
                value = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
                problem = "not a date as YYYY-MM-DD";
                return value is not null;
            case FieldKind.YesNo:
                value = node.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
                problem = "expected true or false";
                return value is not null;
            case FieldKind.Count:
                return Number<int>(node, out value, out problem, "a whole number");
            case FieldKind.Number:
                return Number<decimal>(node, out value, out problem, "a number");
            case FieldKind.Coordinate:
                return Number<double>(node, out value, out problem, "a number of degrees");
            case FieldKind.Choice:
                var choice = Nullable.GetUnderlyingType(type) ?? type;
                if (text is not null && Enum.TryParse(choice, text, ignoreCase: true, out var parsed) && Enum.IsDefined(choice, parsed!)
                    && !text.Any(char.IsDigit))
                {
                    value = parsed;
                    return true;
                }
                problem = "expected one of: " + string.Join(", ", ProfileExportColumns.ChoiceValues(field));
                return false;
            default:
                value = text;
                problem = "expected a text";
                return text is not null;
        }
    }

    private static bool Number<T>(JsonNode node, out object? value, out string? problem, string what) where T : struct, INumber<T>
    {
        (value, problem) = (null, $"expected {what}");
        if (node is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        if (number.TryGetValue<T>(out var direct) || T.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out direct))
        {
            value = direct;
            return true;
        }
        return false;
    }

    private void Terms(ProfileSchemaField field, string path, JsonNode? node, ProfileForm form)
    {
        var ids = (List<int>)field.FormValue(form)!;
        if (node is not null and not JsonArray)
        {
            report.NotPlaced(path, Show(node), line, "expected a list of terms ([{\"label\": ...}])");
            return;
        }
        ids.Clear();
        var items = (JsonArray?)node ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var label = ProfileExportColumn.Scalar(items[i] is JsonObject term ? term["label"] : items[i])?.Trim();
            if (string.IsNullOrEmpty(label) || TextFolding.MatchKey(label).Length == 0)
            {
                report.NotPlaced($"{path}[{i}]", Show(items[i]), line, "a term needs a label with letters or digits");
                continue;
            }
            if (terms.Find(field.TermField!.Value, label) is { } known)
            {
                if (!ids.Contains(known.Id))
                {
                    ids.Add(known.Id);
                }
                TermIds.Add(known.Id);
            }
            else
            {
                NewTerms.Add((field.TermField!.Value, label, $"{path}[{i}]"));
            }
        }
    }

    /// <summary>
    /// A group's rows, in order. A team member's e-mail or phone that the row leaves out (an export leaves out contacts
    /// shown only to members) keeps what the same person's row has on the platform: an import never erases it.
    /// </summary>
    private void Rows(ProfileSchemaField field, string path, JsonNode? node, ProfileForm form, ClusterOrganisation? existing)
    {
        var group = field.Group!;
        if (node is not null and not JsonArray)
        {
            report.NotPlaced(path, Show(node), line, "expected a list of rows ([{...}])");
            return;
        }
        var rows = (IList)field.FormValue(form)!;
        var stored = existing is null ? [] : ((IEnumerable)field.EntityValue(existing)!).Cast<object>().ToList();
        rows.Clear();
        var items = (JsonArray?)node ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                report.NotPlaced($"{path}[{i}]", Show(items[i]), line, "a row is an object ({...})");
                continue;
            }
            var row = Activator.CreateInstance(group.RowType)!;
            foreach (var (name, value) in item)
            {
                var rowField = group.Fields.FirstOrDefault(f => ProfileJson.PropertyName(f).Equals(name, StringComparison.OrdinalIgnoreCase));
                if (rowField is null)
                {
                    report.NotPlaced($"{path}[{i}].{name}", Show(value), line, "the row has no such field");
                    continue;
                }
                Scalar(rowField, $"{path}[{i}].{name}", value, row);
            }
            var leftOut = group.Fields.Where(f => f.Privacy == ContactPrivacy.RowVisibility && !item.ContainsKey(ProfileJson.PropertyName(f))).ToList();
            if (leftOut.Count > 0 && stored.FirstOrDefault(s => SameRow(group, s, row)) is { } same)
            {
                foreach (var hidden in leftOut)
                {
                    hidden.SetFormValue(row, hidden.EntityValue(same));
                }
            }
            rows.Add(row);
        }
    }

    /// <summary>The same person or thing: the same text in every field that is not contact data.</summary>
    private static bool SameRow(FieldGroup group, object stored, object row) =>
        group.Fields.Where(f => f.Privacy == ContactPrivacy.None && f.Kind != FieldKind.Choice)
            .All(f => string.Equals(((string?)f.EntityValue(stored))?.Trim(), ((string?)f.FormValue(row))?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A value as the report shows it.</summary>
    public static string Show(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
