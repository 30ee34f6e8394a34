using System.Text.Json.Serialization;

namespace ClusterAtlas.Profiles.Editing;

public sealed record TeamMemberRow : IFormRow
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public ContactVisibility ContactVisibility { get; set; } = ContactVisibility.Public;
    [JsonIgnore] public bool IsEmpty => Blank(Name, Role, Email, Phone);
    internal static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);
}
