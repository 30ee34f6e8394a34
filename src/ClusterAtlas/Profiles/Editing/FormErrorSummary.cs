using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The profile form's errors for the summary above it, in the order the form shows its fields, each naming its
/// field (and its row, "Team member 2, E-mail") so that the link can be followed to the input.
/// </summary>
public static partial class FormErrorSummary
{
    public static IReadOnlyList<FormErrorLink> Links(ModelStateDictionary modelState, IStringLocalizer T)
    {
        var links = new List<(FieldPosition Position, FormErrorLink Link)>();
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                var position = FieldPosition.Of(key);
                links.Add((position, new FormErrorLink(TagBuilder.CreateSanitizedId(key, "_"), Describe(key, T) is { } name ? $"{name}: {error.ErrorMessage}" : error.ErrorMessage)));
            }
        }
        return [.. links.OrderBy(l => l.Position).Select(l => l.Link)];
    }

    /// <summary>
    /// The errors of a form that is not the profile form, for the same summary: those of the whole form first, then
    /// each field's in the order of <paramref name="fields"/> (the form's order), named by the field's label.
    /// </summary>
    public static IReadOnlyList<FormErrorLink> Links(ModelStateDictionary modelState, IReadOnlyList<(string Key, string Label)> fields)
    {
        var listed = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var links = modelState.Where(e => !listed.Contains(e.Key)).SelectMany(e => e.Value!.Errors)
            .Select(error => new FormErrorLink(null, error.ErrorMessage)).ToList();
        foreach (var (key, label) in fields)
        {
            if (modelState.TryGetValue(key, out var entry))
            {
                links.AddRange(entry.Errors.Select(error => new FormErrorLink(TagBuilder.CreateSanitizedId(key, "_"), $"{label}: {error.ErrorMessage}")));
            }
        }
        return links;
    }

    /// <summary>"Website", or "Team member 2, E-mail" for a field of a row; null for what is not a form field.</summary>
    private static string? Describe(string key, IStringLocalizer T)
    {
        var match = FieldKey().Match(key);
        if (!match.Success || !ProfileFormLabels.Of.TryGetValue(match.Groups["property"].Value, out var label))
        {
            return null;
        }
        if (!match.Groups["row"].Success || RepeatedGroup.Find(match.Groups["property"].Value) is not { } group)
        {
            return T[label];
        }
        var row = string.Format(CultureInfo.CurrentCulture, T[group.RowLegend], int.Parse(match.Groups["row"].Value, CultureInfo.InvariantCulture) + 1);
        return RepeatedGroup.RowFieldLabels.TryGetValue(match.Groups["field"].Value, out var fieldLabel) ? $"{row}, {T[fieldLabel]}" : row;
    }

    /// <summary>Where a field is in the form: its step, its place in the step, its row and its place in the row.</summary>
    private readonly record struct FieldPosition(int Step, int Property, int Row, int Field) : IComparable<FieldPosition>
    {
        public static FieldPosition Of(string key)
        {
            var match = FieldKey().Match(key);
            if (!match.Success)
            {
                return new(int.MaxValue, 0, 0, 0);
            }
            var property = match.Groups["property"].Value;
            var step = ProfileFormStep.All.ToList().FindIndex(s => s.Properties.Contains(property));
            if (step < 0)
            {
                return new(int.MaxValue, 0, 0, 0);
            }
            var row = match.Groups["row"].Success ? int.Parse(match.Groups["row"].Value, CultureInfo.InvariantCulture) : -1;
            var field = -1;
            if (match.Groups["field"].Success && typeof(ProfileForm).GetProperty(property)?.PropertyType.GetGenericArguments() is [var rowType])
            {
                // Row properties are declared in the order the form shows them.
                field = Array.FindIndex(rowType.GetProperties(), p => p.Name == match.Groups["field"].Value);
            }
            return new(step, ProfileFormStep.All[step].Properties.ToList().IndexOf(property), row, field);
        }

        public int CompareTo(FieldPosition other) =>
            (Step, Property, Row, Field).CompareTo((other.Step, other.Property, other.Row, other.Field));
    }

    [GeneratedRegex(@"^Form\.(?<property>\w+)(\[(?<row>\d+)\](\.(?<field>\w+))?)?$")]
    private static partial Regex FieldKey();
}
