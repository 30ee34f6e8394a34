using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Calls;

/// <summary>A vocabulary term of a call, tagged with the profile field it matches (sector, technology field, S3 area).</summary>
public class CallTerm
{
    public int CallId { get; set; }
    public ProfileField Field { get; set; }
    public int VocabularyTermId { get; set; }
    public VocabularyTerm Term { get; set; } = null!;
    public int SortOrder { get; set; }
}
