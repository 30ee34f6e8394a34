using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>The fields of a step of the form that the schema renders (<see cref="ProfileSchemaField.RenderedBySchema"/>).</summary>
public sealed record SchemaFieldsOfStep(ProfileFormView View, string Step)
{
    public IEnumerable<ProfileSchemaField> Fields =>
        ProfileSchema.Sections.Where(s => s.Step == Step).SelectMany(s => s.Fields).Where(f => f.RenderedBySchema);
}
