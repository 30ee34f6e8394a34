using System.Text.Json.Serialization;

namespace ClusterAtlas.Profiles.Editing;

public sealed record MajorPlayerRow : IFormRow
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Link { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Name, Type, Link);
}
