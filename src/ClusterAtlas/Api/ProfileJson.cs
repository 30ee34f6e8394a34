using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Api;

/// <summary>
/// A published profile as the API's JSON, written field by field from <see cref="ProfileSchema"/>: a field added to the
/// schema is in the API (and in its OpenAPI schema, <see cref="ProfileOpenApiSchema"/>) with no list to update here.
/// Properties are the schema fields' names in camelCase, every field present (null or [] when empty) except the
/// contact data a team member's row does not show to the reader (<see cref="ContactAudience"/>), which is left out.
/// </summary>
public static class ProfileJson
{
    /// <summary>The properties every profile has besides its schema fields: identity, address on the platform, provenance, licence.</summary>
    public static readonly IReadOnlyList<string> IdentityProperties = ["id", "slug", "url", "sampleData", "publishedAt", "updatedAt", "licence"];

    public static string PropertyName(ProfileSchemaField field) => JsonNamingPolicy.CamelCase.ConvertName(field.Name);

    public static JsonObject Write(ClusterOrganisation profile, string baseUrl, Pages.DataLicenceOptions licence, ContactAudience audience = ContactAudience.Everyone)
    {
        var url = $"{baseUrl}/cluster-organisations/{Uri.EscapeDataString(profile.Slug)}";
        var json = new JsonObject
        {
            ["id"] = profile.Id,
            ["slug"] = profile.Slug,
            ["url"] = url,
            ["sampleData"] = profile.IsSampleData,
            ["publishedAt"] = profile.PublishedAt?.UtcDateTime,
            ["updatedAt"] = profile.UpdatedAt.UtcDateTime,
            ["licence"] = new JsonObject { ["name"] = licence.Name, ["url"] = licence.Url },
        };
        foreach (var field in ProfileSchema.Fields)
        {
            json[PropertyName(field)] = field.Kind switch
            {
                FieldKind.Terms => new JsonArray([.. profile.TermsOf(field.TermField!.Value)
                    .Select(t => (JsonNode)new JsonObject { ["id"] = t.Term.Id, ["label"] = t.Term.Label })]),
                FieldKind.Logo => profile.LogoSha256 is { } sha ? $"{url}/logo/{sha}" : null,
                FieldKind.Group => new JsonArray([.. ((System.Collections.IEnumerable)field.EntityValue(profile)!).Cast<object>()
                    .Select(row => (JsonNode)Row(field.Group!, row, audience))]),
                _ => Value(field, field.EntityValue(profile)),
            };
        }
        return json;
    }

    private static JsonObject Row(FieldGroup group, object row, ContactAudience audience)
    {
        var json = new JsonObject();
        // A person's e-mail and phone as the profile's page shows them: public ones to everyone, members-only ones to a
        // member's token; hidden ones only to the profile's own administrators, who edit them (as the form shows them).
        var showsContacts = row is not ManagementTeamMember member || member.ContactVisibility switch
        {
            ContactVisibility.Public => true,
            ContactVisibility.MembersOnly => audience >= ContactAudience.Members,
            _ => audience == ContactAudience.Editors,
        };
        foreach (var field in group.Fields)
        {
            if (field.Privacy == ContactPrivacy.RowVisibility && !showsContacts)
            {
                continue;
            }
            json[PropertyName(field)] = Value(field, field.EntityValue(row));
        }
        return json;
    }

    private static JsonNode? Value(ProfileSchemaField field, object? value) => value switch
    {
        null => null,
        string text => string.IsNullOrWhiteSpace(text) ? null : text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum choice => JsonNamingPolicy.CamelCase.ConvertName(choice.ToString()),
        IEnumerable<string> lines => new JsonArray([.. lines.Select(l => (JsonNode?)l)]),
        bool yesNo => yesNo,
        int count => count,
        decimal number => number,
        double number => number,
        _ => throw new InvalidOperationException($"The API does not know how to write {field.Name} ({value.GetType().Name})."),
    };
}
