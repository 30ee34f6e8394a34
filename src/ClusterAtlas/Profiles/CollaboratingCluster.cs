namespace ClusterAtlas.Profiles;

public class CollaboratingCluster
{
    public int Id { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    public string? CountryCode { get; set; }
}
