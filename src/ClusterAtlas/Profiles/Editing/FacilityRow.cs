using System.Text.Json.Serialization;

namespace ClusterAtlas.Profiles.Editing;

public sealed record FacilityRow : IFormRow
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Website { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Name, Type, Website);
}
