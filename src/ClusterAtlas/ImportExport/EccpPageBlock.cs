namespace ClusterAtlas.ImportExport;

/// <summary>A label of a saved page (what it fills), and the lines under it.</summary>
public sealed class EccpPageBlock(EccpPageTarget target, string label, int line)
{
    public EccpPageTarget Target { get; } = target;
    public string Label { get; } = label;
    public int Line { get; } = line;
    public List<EccpPageValue> Values { get; } = [];
    public IEnumerable<EccpPageValue> NonEmpty => Values.Where(v => v.Text.Trim().Length > 0);
}
