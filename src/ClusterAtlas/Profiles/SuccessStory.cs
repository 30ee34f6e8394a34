namespace ClusterAtlas.Profiles;

public class SuccessStory
{
    public int Id { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public string? Text { get; set; }
}
