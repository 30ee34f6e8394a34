using System.Collections;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// A page whose values do not fit the profile is refused before anything is written, with the field and the line:
/// every text column's length comes from the database model (the limits the form checks too), and texts without a
/// column limit (strategy, services, stories) from the form's limit for Markdown, so no import makes a profile that
/// nobody can open or a directory page of megabytes.
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
        CheckEntity(db, parsed.Profile, "profile", text, sourceName);
    }

    private static void CheckEntity(ClusterAtlasDbContext db, object entity, string what, string text, string sourceName)
    {
        var type = db.Model.FindEntityType(entity.GetType());
        if (type is null)
        {
            return;
        }
        foreach (var property in type.GetProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo is not null))
        {
            if (property.PropertyInfo!.GetValue(entity) is not string value)
            {
                continue;
            }
            var limit = property.GetMaxLength() ?? ProfileFormValidator.MaxMarkdownLength;
            if (value.Length > limit)
            {
                throw new MalformedProfilePageException(sourceName, LineOf(text, value),
                    $"the {what}'s {property.Name} is {value.Length:N0} characters long; at most {limit:N0} fit");
            }
        }
        foreach (var navigation in type.GetNavigations().Where(n => n.IsCollection && n.TargetEntityType.ClrType != typeof(ProfileTerm)))
        {
            if (navigation.PropertyInfo?.GetValue(entity) is IEnumerable rows)
            {
                foreach (var row in rows)
                {
                    CheckEntity(db, row, navigation.TargetEntityType.ClrType.Name, text, sourceName);
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
