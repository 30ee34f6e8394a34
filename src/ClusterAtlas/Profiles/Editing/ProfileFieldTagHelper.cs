using ClusterAtlas.Profiles.Schema;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// asp-for for a plain field of the profile form, named by its key in the schema: <c>&lt;input profile-field="City"&gt;</c>
/// is what <c>asp-for="Form.City"</c> was when the field was a property of the form (the same name, id, value, the value
/// typed before an error, the label's for and the validation message), done by MVC's own tag helpers.
/// </summary>
[HtmlTargetElement("input", Attributes = FieldAttribute, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = FieldAttribute)]
[HtmlTargetElement("select", Attributes = FieldAttribute)]
[HtmlTargetElement("label", Attributes = FieldAttribute)]
[HtmlTargetElement("span", Attributes = ValidationAttribute)]
public sealed class ProfileFieldTagHelper(IHtmlGenerator generator, IModelMetadataProvider metadata) : TagHelper
{
    private const string FieldAttribute = "profile-field";
    private const string ValidationAttribute = "profile-field-validation";

    private TagHelper inner = null!;

    /// <summary>The field's key in <see cref="ProfileSchema"/>.</summary>
    [HtmlAttributeName(FieldAttribute)]
    public string? Field { get; set; }

    /// <summary>The field whose validation message the span shows.</summary>
    [HtmlAttributeName(ValidationAttribute)]
    public string? ValidationField { get; set; }

    /// <summary>An input's type, passed on to MVC's input tag helper (which decides the value's format by it).</summary>
    [HtmlAttributeName("type")]
    public string? InputTypeName { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Runs before the children, so that a select's options know which one is chosen.</summary>
    public override int Order => -1000;

    public override void Init(TagHelperContext context)
    {
        var name = Field ?? ValidationField!;
        var field = ProfileSchema.Field(name);
        var form = ViewContext.ViewData.Model is ProfileFormView view ? view.Form
            : throw new InvalidOperationException($"profile-field needs a view of the profile form, not {ViewContext.ViewData.Model?.GetType().Name}.");
        var expression = new ModelExpression($"{nameof(ProfileFormView.Form)}.{name}", metadata.GetModelExplorerForType(field.PlainType, form[name]));
        inner = context.TagName switch
        {
            "input" => new InputTagHelper(generator) { For = expression, ViewContext = ViewContext, InputTypeName = InputTypeName },
            "textarea" => new TextAreaTagHelper(generator) { For = expression, ViewContext = ViewContext },
            "select" => new SelectTagHelper(generator) { For = expression, ViewContext = ViewContext },
            "label" => new LabelTagHelper(generator) { For = expression, ViewContext = ViewContext },
            _ => new ValidationMessageTagHelper(generator) { For = expression, ViewContext = ViewContext },
        };
        inner.Init(context);
    }

    public override Task ProcessAsync(TagHelperContext context, TagHelperOutput output) => inner.ProcessAsync(context, output);
}
