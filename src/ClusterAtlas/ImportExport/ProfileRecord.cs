using System.Text.Json.Nodes;

namespace ClusterAtlas.ImportExport;

/// <summary>One profile read from an import file, before it is checked: where it is (for the report) and its JSON.</summary>
/// <param name="Where">"element 3" of a JSON array, "row 3" of a CSV file.</param>
/// <param name="Line">The line of the file where it starts.</param>
/// <param name="Value">The profile in the API's shape; null when the record could not be read (see <paramref name="Error"/>).</param>
public sealed record ProfileRecord(string Source, string Where, int Line, JsonObject? Value, string? Error = null);
