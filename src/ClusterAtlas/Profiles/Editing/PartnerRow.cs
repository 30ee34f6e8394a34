using System.Text.Json.Serialization;

namespace ClusterAtlas.Profiles.Editing;

public sealed record PartnerRow : IFormRow
{
    public string? Name { get; set; }
    public string? CountryCode { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Name);
}
