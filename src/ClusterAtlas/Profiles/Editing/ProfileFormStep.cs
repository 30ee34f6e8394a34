using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The steps of the profile form, in order, as <see cref="ProfileSchema"/> declares them: the registration wizard walks
/// through them, the edit page shows one at a time (its partial is Steps/_{Id}). Each step saves only its own fields,
/// so a long profile is kept in small, safe saves. A step lists its fields in the order its form shows them (the error
/// summary follows it).
/// </summary>
public sealed record ProfileFormStep(string Id, string Title, IReadOnlyList<string> Properties)
{
    public const string Review = "submit";

    public static readonly IReadOnlyList<ProfileFormStep> All =
    [
        .. ProfileSchema.Steps.Select(step => new ProfileFormStep(step.Id, step.Title, [
            .. ProfileSchema.Sections.Where(s => s.Step == step.Id).SelectMany(s => s.Fields).Where(f => !f.EditedOnOwnPage).Select(f => f.Name)])),
    ];

    public static ProfileFormStep? Find(string? id) => All.FirstOrDefault(s => s.Id == id);

    public ProfileFormStep? Next => All.SkipWhile(s => s != this).Skip(1).FirstOrDefault();

    /// <summary>The schema's fields of this step, in form order.</summary>
    public IEnumerable<ProfileSchemaField> Fields => Properties.Select(ProfileSchema.Field);

    /// <summary>Copies this step's fields from <paramref name="source"/> (what was posted) into <paramref name="target"/> (what is stored).</summary>
    public void CopyFields(ProfileForm source, ProfileForm target) => ProfileForm.CopyProperties(source, target, Properties);

    /// <summary>The step that holds a property (for a field error's link in the review).</summary>
    public static ProfileFormStep Of(string property) => All.First(s => s.Properties.Contains(property));
}
