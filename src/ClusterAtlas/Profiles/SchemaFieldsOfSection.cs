using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Profiles;

/// <summary>The fields of a page section that the schema renders (<see cref="ProfileSchemaField.RenderedBySchema"/>) and that have a value.</summary>
public sealed record SchemaFieldsOfSection(ProfileView View, ProfileSection Section)
{
    public IReadOnlyList<ProfileSchemaField> Fields => View.SchemaFieldsOf(Section);
}
