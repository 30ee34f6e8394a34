namespace ClusterAtlas.Profiles.Schema;

/// <summary>
/// The rows of a repeated group: the form's row type and the profile's child type (their properties share the names
/// of the group's fields), how a row is named in the form and its error summary, and what "Add another" says.
/// </summary>
public sealed record FieldGroup(Type RowType, Type EntityType, string RowLegend, string AddLabel, IReadOnlyList<ProfileSchemaField> Fields);
