using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.PartnerSearch;

/// <summary>A vocabulary term of a posting, tagged with the field it fills.</summary>
public class PostingTerm
{
    public int PostingId { get; set; }
    public PostingTermField Field { get; set; }
    public int VocabularyTermId { get; set; }
    public VocabularyTerm Term { get; set; } = null!;
    public int SortOrder { get; set; }
}
