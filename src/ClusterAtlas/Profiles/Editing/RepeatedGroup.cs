using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// A repeated group of the profile form (team members, facilities, ...), from the schema: how its rows are named in the
/// form and in the error summary, and what its "Add another" button says (English keys of the shared resource).
/// </summary>
public sealed record RepeatedGroup(string Property, string RowLegend, string AddLabel)
{
    public static readonly IReadOnlyList<RepeatedGroup> All =
        [.. ProfileSchema.Fields.Where(f => f.Group is not null).Select(f => new RepeatedGroup(f.Name, f.Group!.RowLegend, f.Group.AddLabel))];

    public static RepeatedGroup? Find(string? property) => All.FirstOrDefault(g => g.Property == property);

    /// <summary>The label of each field of a row, as the form shows it (a row field's name means the same in every group).</summary>
    public static readonly IReadOnlyDictionary<string, string> RowFieldLabels =
        ProfileSchema.Fields.Where(f => f.Group is not null).SelectMany(f => f.Group!.Fields)
            .GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
}
