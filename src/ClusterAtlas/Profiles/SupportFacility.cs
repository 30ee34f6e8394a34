namespace ClusterAtlas.Profiles;

public class SupportFacility
{
    public int Id { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    public string? Type { get; set; }
    public string? Website { get; set; }
}
