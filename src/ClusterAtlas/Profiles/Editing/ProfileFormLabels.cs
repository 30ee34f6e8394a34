using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>The label of every form field, as the form and the diffs show it (English keys of the shared resource), from the schema.</summary>
public static class ProfileFormLabels
{
    public static readonly IReadOnlyDictionary<string, string> Of =
        ProfileSchema.Fields.ToDictionary(f => f.Name, f => f.Label, StringComparer.Ordinal);
}
