using ClusterAtlas.Profiles;

namespace ClusterAtlas.ImportExport;

public sealed record ParsedProfilePage(ClusterOrganisation Profile, IReadOnlyList<TermReference> Terms, ImportReport Report);
