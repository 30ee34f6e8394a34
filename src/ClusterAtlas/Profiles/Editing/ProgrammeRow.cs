using System.Text.Json.Serialization;

namespace ClusterAtlas.Profiles.Editing;

public sealed record ProgrammeRow : IFormRow
{
    public string? Name { get; set; }
    public SupportProgrammeLevel? Level { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Name, Description, Link);
}
