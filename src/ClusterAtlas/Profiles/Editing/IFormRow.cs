namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// A row of a repeated group in the form; the form offers empty ones for adding, which are dropped. Rows declare
/// their properties in the order the form shows them (the error summary follows it).
/// </summary>
public interface IFormRow
{
    bool IsEmpty { get; }
}
