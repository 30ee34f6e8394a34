using System.ComponentModel;
using ClusterAtlas.Profiles.Schema;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// Binds the form's plain fields (<see cref="ProfileForm.Values"/>) from "Form.{Name}", one per field of the schema, as
/// MVC binds a property of the field's type: an empty input is "not given", a value that cannot be read (letters in a
/// number field) is an error of its input with MVC's own message, and what was typed stays in the model state so the
/// form shows it again. Without script, as every form here.
/// </summary>
public sealed class PlainFieldsBinder : IModelBinder
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
                    bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, field.Name));
            }
        }
        bindingContext.Result = ModelBindingResult.Success(values);
        return Task.CompletedTask;
    }
}
