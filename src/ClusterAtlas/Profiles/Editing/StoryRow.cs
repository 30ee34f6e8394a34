using System.Text.Json.Serialization;

namespace ClusterAtlas.Profiles.Editing;

public sealed record StoryRow : IFormRow
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Title, Text);
}
