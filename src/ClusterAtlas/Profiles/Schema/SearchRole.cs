namespace ClusterAtlas.Profiles.Schema;

/// <summary>What full-text search makes of a field.</summary>
public enum SearchRole
{
    None,
    /// <summary>A name of the cluster organisation: matches there rank first.</summary>
    Name,
    /// <summary>Text people write: searched, and kept as the text snippets come from.</summary>
    Text,
    /// <summary>Labels (terms, places, networks): searched, in every language of the interface where they have translations.</summary>
    Term,
}
