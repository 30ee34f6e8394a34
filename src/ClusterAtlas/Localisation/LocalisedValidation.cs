using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Localisation;

/// <summary>
/// The messages MVC writes itself, in the reader's language and without the model's property names: a value a field
/// cannot hold ("99999999999" members, letters in a number) said "The value '…' is not valid for TotalMembers." in
/// English on every page; and the messages of validation attributes MVC has no adapter for (ours, such as
/// <see cref="Accounts.MustBeCheckedAttribute"/>), which it leaves untranslated. The field's label is already beside
/// each message (the error summary puts it before, the field after), so the messages do not name the field.
/// </summary>
public sealed class LocalisedValidation(IStringLocalizer<SharedResource> T) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => T["'{0}' is not a value this field can hold.", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => T["'{0}' is not a value this field can hold.", value]);
        messages.SetValueIsInvalidAccessor(value => T["'{0}' is not a value this field can hold.", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => T["This is not a value this field can hold."]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => T["This is not a value this field can hold."]);
        messages.SetValueMustBeANumberAccessor(_ => T["Enter a number."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => T["Enter a number."]);
        messages.SetValueMustNotBeNullAccessor(_ => T["Fill in this field."]);
        messages.SetMissingBindRequiredValueAccessor(_ => T["Fill in this field."]);
        messages.SetMissingKeyOrValueAccessor(() => T["Fill in this field."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => T["The form was sent empty. Go back, reload the page and try again."]);
    }

    /// <summary>
    /// MVC's adapters for its own attributes, and for the others one that translates their message (MVC's validator
    /// translates a message only through an adapter).
    /// </summary>
    public sealed class AdapterProvider : IValidationAttributeAdapterProvider
    {
        private readonly ValidationAttributeAdapterProvider _mvc = new();

        public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer) =>
            _mvc.GetAttributeAdapter(attribute, stringLocalizer) ?? new TranslatedMessage(attribute, stringLocalizer);

        private sealed class TranslatedMessage(ValidationAttribute attribute, IStringLocalizer? localizer) : AttributeAdapterBase<ValidationAttribute>(attribute, localizer)
        {
            // No script checks the forms here: nothing to add to the inputs.
            public override void AddValidation(ClientModelValidationContext context)
            {
            }

            public override string GetErrorMessage(ModelValidationContextBase validationContext) =>
                GetErrorMessage(validationContext.ModelMetadata, validationContext.ModelMetadata.GetDisplayName());
        }
    }
}
