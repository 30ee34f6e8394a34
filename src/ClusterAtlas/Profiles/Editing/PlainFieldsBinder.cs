using System.ComponentModel;
using System.Globalization;
using ClusterAtlas.Profiles.Schema;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// Binds the form's plain fields (<see cref="ProfileForm.Values"/>) from "Form.{Name}", one per field of the schema, as
/// MVC binds a property of the field's type: an empty input is "not given", a value that cannot be read (letters in a
/// number field) is an error of its input saying what the field takes, and what was typed stays in the model state so
/// the form shows it again. Without script, as every form here.
/// </summary>
public sealed class PlainFieldsBinder(IStringLocalizer<SharedResource> T) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in ProfileSchema.Fields.Where(f => f.IsPlain && !f.EditedOnOwnPage))
        {
            var key = ModelNames.CreatePropertyModelName(bindingContext.ModelName, field.Name);
            var posted = bindingContext.ValueProvider.GetValue(key);
            if (posted == ValueProviderResult.None)
            {
                continue;
            }
            bindingContext.ModelState.SetModelValue(key, posted);
            var text = posted.FirstValue;
            var type = Nullable.GetUnderlyingType(field.PlainType) ?? field.PlainType;
            if (type == typeof(string))
            {
                if (!string.IsNullOrEmpty(text))
                {
                    values[field.Name] = text;
                }
                continue;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            try
            {
                values[field.Name] = TypeDescriptor.GetConverter(type).ConvertFrom(null, posted.Culture, text)!;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException || e.InnerException is FormatException or OverflowException)
            {
                bindingContext.ModelState.TryAddModelError(key,
                    Unreadable(field, type, text) ?? bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, field.Name));
            }
        }
        bindingContext.Result = ModelBindingResult.Success(values);
        return Task.CompletedTask;
    }

    /// <summary>
    /// What a number field says of a value it cannot hold: a whole number too large for it (a browser without the
    /// input's maximum sends it), or a decimal comma (the form reads numbers with a decimal point in every language).
    /// </summary>
    private string? Unreadable(ProfileSchemaField field, Type type, string text)
    {
        var trimmed = text.Trim();
        if (type == typeof(int) || type == typeof(long))
        {
            var digits = trimmed.TrimStart('-', '+');
            return digits.Length == 0 || !digits.All(char.IsAsciiDigit) ? T["Enter a whole number, such as 120."].Value
                : field.Kind == FieldKind.Count ? T["Enter a number up to 1,000,000."].Value
                : field.Range is { Message.Length: > 0 } range ? T[range.Message].Value
                : null;
        }
        if (type == typeof(double) || type == typeof(decimal))
        {
            return trimmed.Contains(',', StringComparison.Ordinal)
                && double.TryParse(trimmed.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? T["Write the number with a decimal point, not a comma, such as 45.25."].Value
                : field.Range is { Message.Length: > 0 } range ? T[range.Message].Value
                : T["Enter a number, such as 45.25."].Value;
        }
        return null;
    }
}
