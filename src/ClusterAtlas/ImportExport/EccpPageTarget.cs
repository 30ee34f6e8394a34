using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// What a block of a saved page fills: a field of the profile schema, the address (spread over several fields), or
/// nothing (text before the first label, a heading that closes a field, page furniture, a label nobody knows).
/// </summary>
public sealed record EccpPageTarget(string Kind, ProfileSchemaField? Field = null)
{
    public static readonly EccpPageTarget None = new("none");
    public static readonly EccpPageTarget Ignore = new("ignore");
    public static readonly EccpPageTarget Unknown = new("unknown");
    public static readonly EccpPageTarget Address = new("address");

    public static EccpPageTarget Of(ProfileSchemaField field) => new("field", field);

    /// <summary>A block of text: lines in it that end in a colon are text, not labels.</summary>
    public bool IsTextBlock => Field?.Eccp?.TextBlock == true;

    /// <summary>The name the import report gives it.</summary>
    public string ReportName => Field?.Eccp?.ReportName ?? Kind;
}
