using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Profiles;

public class ProfileTerm
{
    public int ClusterOrganisationId { get; set; }
    public ProfileField Field { get; set; }
    public int VocabularyTermId { get; set; }
    public VocabularyTerm Term { get; set; } = null!;
    public int SortOrder { get; set; }
}
