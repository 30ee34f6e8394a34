using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Profiles;

/// <summary>
/// A section of the profile, as <see cref="ProfileSchema"/> declares it: its fields, the step of the form that edits
/// them. Its part of the public page and the print view is rendered by the function of its id in
/// /Profiles/Sections/_ProfileContent.cshtml. A section without content is left out.
/// </summary>
public sealed record ProfileSection(string Id, string Title, string Step, IReadOnlyList<ProfileSchemaField> Fields)
{
    /// <summary>The sections of the page body, in order (the identity section is the page's header): the in-page navigation, the page and the print view.</summary>
    public static IReadOnlyList<ProfileSection> All => Body.Value;

    // Lazy: the schema's own initialiser creates the sections.
    private static readonly Lazy<IReadOnlyList<ProfileSection>> Body = new(() => [.. ProfileSchema.Sections.Where(s => s.Id != "identity")]);

    /// <summary>Whether the page shows this section: one of the fields it shows has a value.</summary>
    public bool HasContent(ClusterOrganisation profile) =>
        ProfileSchema.Fields.Any(f => f.ShownAlone && ProfileSchema.PageSectionOf(f) == Id && f.HasContent(profile));
}
