using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Profiles;

/// <summary>The fields of a page section that the schema renders (<see cref="ProfileSchemaField.RenderedBySchema"/>) and that have a value.</summary>
public sealed record SchemaFieldsOfSection(ProfileView View, ProfileSection Section)
{
    public IEnumerable<ProfileSchemaField> Fields =>
        ProfileSchema.Fields.Where(f => f.RenderedBySchema && ProfileSchema.PageSectionOf(f) == Section.Id && f.HasContent(View.Profile));
}
