using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;
using Microsoft.OpenApi;

namespace ClusterAtlas.Api;

/// <summary>
/// The OpenAPI schema of a profile as <see cref="ProfileJson"/> writes it, generated from <see cref="ProfileSchema"/>:
/// each field's kind gives its JSON type, its label the description, its length and range the limits.
/// </summary>
public static class ProfileOpenApiSchema
{
    public const string Name = "ClusterOrganisation";

    public static OpenApiSchema Build()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A published cluster organisation's profile: every public field of the profile schema, in the order of its page. "
                + "Empty fields are null (lists empty). A management-team member's e-mail and phone are left out unless the profile shows them to everyone.",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["id"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The profile's number on this platform: never reused." },
                ["slug"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The profile's name in addresses: stable once published." },
                ["url"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The profile's page." },
                ["sampleData"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "A fictitious sample profile of the demo content." },
                ["publishedAt"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date-time" },
                ["updatedAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "The last change of its content or status." },
                ["licence"] = Licence(),
            },
            Required = new HashSet<string>(ProfileJson.IdentityProperties, StringComparer.Ordinal),
        };
        foreach (var field in ProfileSchema.Fields)
        {
            schema.Properties[ProfileJson.PropertyName(field)] = Field(field, typeof(ClusterOrganisation));
            schema.Required.Add(ProfileJson.PropertyName(field));
        }
        return schema;
    }

    public static OpenApiSchema Licence() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The licence the platform publishes profile data under.",
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["url"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        Required = new HashSet<string>(["name", "url"], StringComparer.Ordinal),
    };

    private static OpenApiSchema Field(ProfileSchemaField field, Type entityType)
    {
        var schema = field.Kind switch
        {
            FieldKind.Text or FieldKind.Markdown or FieldKind.Phone or FieldKind.Email => Text(field),
            FieldKind.Url => Text(field, "uri-reference"),
            FieldKind.Language => Text(field, pattern: "^[a-z]{2}$"),
            FieldKind.Country => Text(field, pattern: "^[A-Z]{2}$"),
            FieldKind.Date => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date" },
            FieldKind.YesNo => new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.Null },
            FieldKind.Count => Number(field, JsonSchemaType.Integer),
            FieldKind.Number or FieldKind.Coordinate => Number(field, JsonSchemaType.Number),
            FieldKind.Choice => Choice(field, entityType),
            FieldKind.Lines => Strings(new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = field.MaxLength }),
            FieldKind.Languages => Strings(new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[a-z]{2}$" }),
            FieldKind.Countries => Strings(new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Z]{2}$" }),
            FieldKind.Terms => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["id"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The term's id in GET /api/v1/vocabularies/" + Vocabularies.Vocabulary.For(field.TermField!.Value) },
                        ["label"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Its English label." },
                    },
                    Required = new HashSet<string>(["id", "label"], StringComparer.Ordinal),
                },
            },
            FieldKind.Logo => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The address of the logo's image." },
            FieldKind.Group => Rows(field.Group!),
            _ => throw new InvalidOperationException($"No JSON type for {field.Kind}."),
        };
        var label = field.Label + (field.Kind == FieldKind.Markdown ? " (Markdown)" : "");
        schema.Description = schema.Description is null ? label : label + ". " + schema.Description;
        return schema;
    }

    private static OpenApiSchema Text(ProfileSchemaField field, string? format = null, string? pattern = null) => new()
    {
        Type = JsonSchemaType.String | JsonSchemaType.Null, MaxLength = field.MaxLength, Format = format, Pattern = pattern,
    };

    private static OpenApiSchema Number(ProfileSchemaField field, JsonSchemaType type) => new()
    {
        Type = type | JsonSchemaType.Null,
        Minimum = field.Range?.Min.ToString(CultureInfo.InvariantCulture),
        Maximum = field.Range?.Max.ToString(CultureInfo.InvariantCulture),
    };

    private static OpenApiSchema Strings(OpenApiSchema item) => new() { Type = JsonSchemaType.Array, Items = item };

    private static OpenApiSchema Choice(ProfileSchemaField field, Type entityType)
    {
        var property = ProfileSchemaField.Property(entityType, field.EntityProperty!).PropertyType;
        var enumType = Nullable.GetUnderlyingType(property) ?? property;
        var nullable = Nullable.GetUnderlyingType(property) is not null;
        var values = Enum.GetNames(enumType).Select(n => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n)).ToList();
        if (nullable)
        {
            values.Add(null!);
        }
        return new OpenApiSchema { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Enum = values };
    }

    private static OpenApiSchema Rows(FieldGroup group)
    {
        var row = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
        };
        foreach (var field in group.Fields)
        {
            row.Properties[ProfileJson.PropertyName(field)] = Field(field, group.EntityType);
            if (field.Privacy == ContactPrivacy.None)
            {
                row.Required.Add(ProfileJson.PropertyName(field));
            }
        }
        return new OpenApiSchema { Type = JsonSchemaType.Array, Items = row };
    }
}
