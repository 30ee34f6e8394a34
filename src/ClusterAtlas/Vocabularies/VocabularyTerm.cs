namespace ClusterAtlas.Vocabularies;

/// <summary>A term of a controlled vocabulary (sectors, technology fields, S3 areas, services...).</summary>
public class VocabularyTerm
{
    public int Id { get; set; }
    /// <summary>The vocabulary's key, e.g. "sectoral-industries" (see <see cref="Vocabulary"/>).</summary>
    public required string Vocabulary { get; set; }
    public required string Label { get; set; }
    /// <summary>The label folded for tolerant matching ("hunting &amp;related" equals "hunting &amp; related").</summary>
    public required string MatchKey { get; set; }
    public int? ParentId { get; set; }
    public VocabularyTerm? Parent { get; set; }
    public int SortOrder { get; set; }
    public TermStatus Status { get; set; } = TermStatus.Active;
    /// <summary>
    /// Other spellings of the term (earlier names, the spelling of other sources): imports and search match them,
    /// so renaming a term never loses what pages and people call it.
    /// </summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>The keys the term answers to: its label's and its aliases'.</summary>
    public IEnumerable<string> MatchKeys() => Aliases.Select(Profiles.TextFolding.MatchKey).Prepend(MatchKey);
}
