using System.Collections;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// A page whose values do not fit the profile is refused before anything is written, with the field and the line:
/// every text's limit comes from the profile schema (the limits of the form and of the columns), so no import makes a
/// profile that nobody can open or a directory page of megabytes.
/// </summary>
public static class ImportLengthLimits
{
    public static void Check(ClusterAtlasDbContext db, ParsedProfilePage parsed, string text, string sourceName)
    {
        var termLabelLimit = db.Model.FindEntityType(typeof(VocabularyTerm))!.FindProperty(nameof(VocabularyTerm.Label))!.GetMaxLength() ?? 300;
        foreach (var reference in parsed.Terms.Where(r => r.Label.Length > termLabelLimit))
        {
            throw new MalformedProfilePageException(sourceName, reference.Line,
                $"the {EccpProfileImporter.FieldLabel(reference.Field)} term is {reference.Label.Length:N0} characters long; at most {termLabelLimit} fit");
        }
        CheckEntity(parsed.Profile, ProfileSchema.Fields, "profile", text, sourceName);
        var slugLimit = db.Model.FindEntityType(typeof(ClusterOrganisation))!.FindProperty(nameof(ClusterOrganisation.Slug))!.GetMaxLength() ?? 200;
        if (parsed.Profile.Slug.Length > slugLimit)
        {
            throw new MalformedProfilePageException(sourceName, LineOf(text, parsed.Profile.Name),
                $"the profile's Slug is {parsed.Profile.Slug.Length:N0} characters long; at most {slugLimit:N0} fit");
        }
    }

    private static void CheckEntity(object entity, IEnumerable<ProfileSchemaField> fields, string what, string text, string sourceName)
    {
        foreach (var field in fields.Where(f => f.EntityProperty is not null))
        {
            if (field.Group is { } group)
            {
                foreach (var row in (IEnumerable)field.EntityValue(entity)!)
                {
                    CheckEntity(row, group.Fields, group.EntityType.Name, text, sourceName);
                }
                continue;
            }
            var values = field.EntityValue(entity) switch
            {
                string value => [value],
                IEnumerable<string> lines => lines,
                _ => [],
            };
            foreach (var value in values)
            {
                var limit = field.MaxLength ?? ProfileSchema.MaxMarkdownLength;
                if (value.Length > limit)
                {
                    throw new MalformedProfilePageException(sourceName, LineOf(text, value),
                        $"the {what}'s {field.EntityProperty} is {value.Length:N0} characters long; at most {limit:N0} fit");
                }
            }
        }
    }

    /// <summary>The line where the value starts (its first 40 characters found in the page), else the first line.</summary>
    private static int LineOf(string text, string value)
    {
        var start = text.IndexOf(value[..Math.Min(40, value.Length)], StringComparison.Ordinal);
        return start < 0 ? 1 : text.AsSpan(0, start).Count('\n') + 1;
    }
}
