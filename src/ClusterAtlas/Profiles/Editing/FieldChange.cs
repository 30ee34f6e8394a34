namespace ClusterAtlas.Profiles.Editing;

/// <summary>A field that changed between two versions of a profile, as lines of text people can read.</summary>
public sealed record FieldChange(string Property, string Label, IReadOnlyList<string> Before, IReadOnlyList<string> After)
{
    public IEnumerable<string> Removed => Before.Except(After);
    public IEnumerable<string> Added => After.Except(Before);
}
