namespace ClusterAtlas.Profiles;

public class SupportProgramme
{
    public int Id { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Link { get; set; }
    public SupportProgrammeLevel? Level { get; set; }
}
