using System.Collections;
using System.Reflection;
using ClusterAtlas.Profiles.Editing;

namespace ClusterAtlas.Profiles.Schema;

/// <summary>
/// One field of the profile, declared once: the form, the diff, the review, the validator, the importer, the search
/// document, the page's sections and the database's column limits all read it from here.
/// </summary>
/// <param name="Name">
/// Its key: in the form's <see cref="ProfileForm.Values"/> for a plain field, else the property of <see cref="ProfileForm"/>
/// (or of the group's row type) that holds it; the inputs are named "Form.{Name}" either way.
/// </param>
/// <param name="Kind">What it holds.</param>
/// <param name="Label">Its label in the form, the diffs and the review (an English key of the shared resource).</param>
public sealed record ProfileSchemaField(string Name, FieldKind Kind, string Label)
{
    /// <summary>The property of <see cref="ClusterOrganisation"/> (or of the group's child type) that stores it, when not <see cref="Name"/>.</summary>
    public string? EntityName { get; init; }

    /// <summary>The longest text it takes (for <see cref="FieldKind.Lines"/>, each line): the form's maxlength, the validator, the importer and the column.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Required before the profile can be submitted (and at every save of its step); <see cref="RequiredMessage"/> says so.</summary>
    public bool Required { get; init; }

    public string? RequiredMessage { get; init; }

    /// <summary>For numbers: the values it takes.</summary>
    public ValueRange? Range { get; init; }

    /// <summary>For dates: a date in the future is refused.</summary>
    public bool NotInFuture { get; init; }

    /// <summary>For term sets: the profile field (and so the vocabulary) its terms belong to.</summary>
    public ProfileField? TermField { get; init; }

    /// <summary>Where it is on a saved ECCP page; null only for a field marked <see cref="NotOnEccpPages"/>.</summary>
    public EccpLabels? Eccp { get; init; }

    /// <summary>
    /// ECCP profile pages do not have it (the name comes from the breadcrumb, the local name's language from the country,
    /// the map's point and the logo are this platform's): the importer leaves it alone and the tests ask for no labels.
    /// </summary>
    public bool NotOnEccpPages { get; init; }

    public SearchRole Search { get; init; }

    /// <summary>The directory facet it feeds (the facet's code), if any.</summary>
    public string? Facet { get; init; }

    public ContactPrivacy Privacy { get; init; }

    /// <summary>The section of the public page that shows it, when not the one it is declared in (the form's step).</summary>
    public string? PageSection { get; init; }

    /// <summary>Shown on the page only beside another field (the NUTS code beside the region): it alone makes no section worth showing.</summary>
    public bool ShownAlone { get; init; } = true;

    /// <summary>Edited on a page of its own (the logo, a file upload), not by a step of the form.</summary>
    public bool EditedOnOwnPage { get; init; }

    /// <summary>The partial that renders it in its step, when it is not a plain input (term choices, yes/no, rows).</summary>
    public string? Partial { get; init; }

    /// <summary>
    /// A plain text or Markdown field that no partial names: the form's step and the page's section render it from
    /// the schema (after their hand-written fields), so adding it takes no Razor.
    /// </summary>
    public bool RenderedBySchema { get; init; }

    /// <summary>
    /// What the demo generator writes into a plain text field: a template over {name}, {slug}, {place}, {sector} and
    /// {members} of the generated profile (see ImportExport/DemoDataGenerator); null when the generator leaves it empty
    /// or writes it by its own rules.
    /// </summary>
    public string? Demo { get; init; }

    /// <summary>For repeated groups: its rows.</summary>
    public FieldGroup? Group { get; init; }

    /// <summary>The property that stores it on the profile (or the group's child), or null for terms (stored in <see cref="ClusterOrganisation.Terms"/>).</summary>
    public string? EntityProperty => Kind == FieldKind.Terms ? null : EntityName ?? Name;

    /// <summary>Whether the profile has a value for it.</summary>
    public bool HasContent(ClusterOrganisation profile) => Kind == FieldKind.Terms
        ? profile.Terms.Any(t => t.Field == TermField)
        : HasValue(EntityValue(profile));

    /// <summary>The stored value: on the profile, or on one of its group's rows.</summary>
    public object? EntityValue(object entity) => EntityProperty is { } name ? Property(entity.GetType(), name).GetValue(entity) : null;

    public void SetEntityValue(object entity, object? value) => Property(entity.GetType(), EntityProperty!).SetValue(entity, value);

    /// <summary>
    /// Held in the form's <see cref="ProfileForm.Values"/> under its name, as a value of <see cref="PlainType"/>: every field
    /// of the profile but term sets and repeated groups (which have properties of the form: they are lists).
    /// </summary>
    public bool IsPlain => Kind is not (FieldKind.Terms or FieldKind.Group);

    /// <summary>
    /// The type of a plain field's value in the form: text for what is typed as text (lists one per line, countries and
    /// languages by name), else the type the profile stores (a date, a number, yes/no, a choice).
    /// </summary>
    public Type PlainType => Kind is FieldKind.Lines or FieldKind.Languages or FieldKind.Countries
        ? typeof(string)
        : Property(typeof(ClusterOrganisation), EntityProperty!).PropertyType;

    /// <summary>The value in the form (or in a row of the form).</summary>
    public object? FormValue(object form) => form is ProfileForm profileForm && IsPlain ? profileForm[Name] : Property(form.GetType(), Name).GetValue(form);

    public void SetFormValue(object form, object? value)
    {
        if (form is ProfileForm profileForm && IsPlain)
        {
            profileForm[Name] = value;
        }
        else
        {
            Property(form.GetType(), Name).SetValue(form, value);
        }
    }

    internal static bool HasValue(object? value) => value switch
    {
        null => false,
        string s => !string.IsNullOrWhiteSpace(s),
        ICollection c => c.Count > 0,
        _ => true,
    };

    internal static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name) ?? throw new InvalidOperationException($"The profile schema names {type.Name}.{name}, which does not exist.");
}
