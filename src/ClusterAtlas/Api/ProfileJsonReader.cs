using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Api;

/// <summary>
/// Reads a profile in the API's JSON (<see cref="ProfileJson"/>) back into the edit form's shape, field by field from
/// <see cref="ProfileSchema"/>, so that a write through the API is checked and saved exactly as the form's. A property
/// equal to the stored one keeps the stored form's value (the form's spelling of languages and countries, a point
/// the map found); a missing one, or null, empties the field. Unknown properties, values of the wrong type and
/// changes of what the platform sets are refused, each under its JSON path.
/// </summary>
public sealed class ProfileJsonReader
{
    private static readonly Dictionary<string, ProfileSchemaField> Fields = ProfileSchema.Fields.ToDictionary(ProfileJson.PropertyName, StringComparer.Ordinal);

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>What is wrong, by JSON path (managementTeam[1].email), in the order found.</summary>
    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>The form <paramref name="document"/> asks for, given the stored profile as JSON and as the form holds it.</summary>
    public ProfileForm Read(JsonObject document, JsonObject stored, ProfileForm storedForm)
    {
        var form = ProfileForm.FromJson(storedForm.ToJson());
        foreach (var (name, value) in document)
        {
            if (ProfileJson.IdentityProperties.Contains(name))
            {
                if (!JsonNode.DeepEquals(value, stored[name]))
                {
                    Add(name, $"{name} is set by the platform and cannot be changed; leave it out or send it as it is.");
                }
            }
            else if (!Fields.ContainsKey(name))
            {
                Add(name, $"Unknown property \"{name}\": a cluster organisation has no such field (the fields are in the ClusterOrganisation schema of /openapi/v1.json).");
            }
        }
        foreach (var (name, field) in Fields)
        {
            var value = document.TryGetPropertyValue(name, out var given) ? given : null;
            if (JsonNode.DeepEquals(value, stored[name]) || (value is null && IsEmpty(stored[name])))
            {
                continue;
            }
            if (field.Kind == FieldKind.Logo)
            {
                Add(name, "The logo is uploaded on the profile's logo page, not through the API; leave it out or send it as it is.");
                continue;
            }
            var converted = Convert(field, typeof(ProfileForm), value, name);
            if (converted.Ok)
            {
                field.SetFormValue(form, converted.Value);
            }
        }
        return form;
    }

    /// <summary>The form's name of a field (ManagementTeam[1].Email) as its JSON path (managementTeam[1].email).</summary>
    public static string PathOf(string formField) =>
        string.Join('.', formField.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static bool IsEmpty(JsonNode? node) => node is null || node is JsonArray { Count: 0 };

    private (bool Ok, object? Value) Convert(ProfileSchemaField field, Type owner, JsonNode? value, string path)
    {
        var type = ProfileSchemaFieldType(field, owner);
        switch (field.Kind)
        {
            case FieldKind.Terms:
                return Terms(value, path);
            case FieldKind.Group:
                return Rows(field.Group!, value, path);
            case FieldKind.Lines or FieldKind.Languages or FieldKind.Countries:
                if (value is null)
                {
                    return (true, null);
                }
                if (value is JsonArray items && items.All(i => i?.GetValueKind() == JsonValueKind.String))
                {
                    return (true, string.Join("\n", items.Select(i => i!.GetValue<string>())));
                }
                return Wrong(path, "a list of strings");
            case FieldKind.Date:
                if (value is null)
                {
                    return (true, null);
                }
                if (value.GetValueKind() == JsonValueKind.String && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return (true, date);
                }
                return Wrong(path, "a date such as 2010-03-14");
            case FieldKind.YesNo:
                return value is null ? (true, null) : value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? (true, value.GetValue<bool>()) : Wrong(path, "true, false or null");
            case FieldKind.Count or FieldKind.Number or FieldKind.Coordinate:
                return Number(value, Nullable.GetUnderlyingType(type) ?? type, path);
            case FieldKind.Choice:
                return Choice(value, type, path);
            default:
                if (value is null)
                {
                    return (true, null);
                }
                return value.GetValueKind() == JsonValueKind.String ? (true, value.GetValue<string>()) : Wrong(path, "a string or null");
        }
    }

    // The form keeps plain fields by their schema name, not as properties: their type is the schema's.
    private static Type ProfileSchemaFieldType(ProfileSchemaField field, Type owner) =>
        owner == typeof(ProfileForm) && field.IsPlain
            ? field.PlainType
            : owner.GetProperty(field.Name)?.PropertyType ?? throw new InvalidOperationException($"{owner.Name} has no property {field.Name}.");

    private (bool, object?) Number(JsonNode? value, Type type, string path)
    {
        if (value is null)
        {
            return (true, null);
        }
        if (value.GetValueKind() == JsonValueKind.Number && value is JsonValue number)
        {
            if (type == typeof(int) && number.TryGetValue<int>(out var whole))
            {
                return (true, whole);
            }
            if (type == typeof(decimal) && number.TryGetValue<decimal>(out var exact))
            {
                return (true, exact);
            }
            if (type == typeof(double) && number.TryGetValue<double>(out var real))
            {
                return (true, real);
            }
        }
        return Wrong(path, type == typeof(int) ? "a whole number or null" : "a number or null");
    }

    private (bool, object?) Choice(JsonNode? value, Type type, string path)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        var names = Enum.GetNames(enumType).ToDictionary(n => JsonNamingPolicy.CamelCase.ConvertName(n), StringComparer.Ordinal);
        if (value is null && Nullable.GetUnderlyingType(type) is not null)
        {
            return (true, null);
        }
        if (value?.GetValueKind() == JsonValueKind.String && names.TryGetValue(value.GetValue<string>(), out var name))
        {
            return (true, Enum.Parse(enumType, name));
        }
        return Wrong(path, "one of " + string.Join(", ", names.Keys.Select(n => $"\"{n}\"")) + (Nullable.GetUnderlyingType(type) is null ? "" : " or null"));
    }

    /// <summary>Terms by id: as the API writes them ({"id": 12, "label": "..."}; the label is not read) or as bare ids.</summary>
    private (bool, object?) Terms(JsonNode? value, string path)
    {
        var ids = new List<int>();
        if (value is null)
        {
            return (true, ids);
        }
        if (value is not JsonArray items)
        {
            return Wrong(path, "a list of terms such as [{\"id\": 12}]");
        }
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var id = item is JsonObject term ? term["id"] : item;
            if (item is JsonObject other && other.Select(p => p.Key).FirstOrDefault(k => k is not ("id" or "label")) is { } unknown)
            {
                Add($"{path}[{i}].{unknown}", $"Unknown property \"{unknown}\": a term is given by its id (and, as the API writes it, its label).");
                ok = false;
            }
            else if (id is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue<int>(out var termId))
            {
                ids.Add(termId);
            }
            else
            {
                Wrong($"{path}[{i}]", "a term's id, or an object with its id, from /api/v1/vocabularies/{name}");
                ok = false;
            }
        }
        return (ok, ids);
    }

    private (bool, object?) Rows(FieldGroup group, JsonNode? value, string path)
    {
        var rows = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(group.RowType))!;
        if (value is null)
        {
            return (true, rows);
        }
        if (value is not JsonArray items)
        {
            return Wrong(path, "a list of objects");
        }
        var ok = true;
        var fields = group.Fields.ToDictionary(ProfileJson.PropertyName, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var rowPath = $"{path}[{i}]";
            if (items[i] is not JsonObject item)
            {
                Wrong(rowPath, "an object");
                ok = false;
                continue;
            }
            var row = Activator.CreateInstance(group.RowType)!;
            foreach (var (name, cell) in item)
            {
                if (!fields.TryGetValue(name, out var field))
                {
                    Add($"{rowPath}.{name}", $"Unknown property \"{name}\": a row of {path} has the properties {string.Join(", ", fields.Keys)}.");
                    ok = false;
                    continue;
                }
                var converted = Convert(field, group.RowType, cell, $"{rowPath}.{name}");
                if (converted.Ok)
                {
                    field.SetFormValue(row, converted.Value);
                }
                ok &= converted.Ok;
            }
            rows.Add(row);
        }
        return (ok, rows);
    }

    private (bool, object?) Wrong(string path, string expected)
    {
        Add(path, $"{path} must be {expected}.");
        return (false, null);
    }

    private void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }
        messages.Add(message);
    }
}
