namespace ClusterAtlas.Profiles;

public class ManagementTeamMember
{
    public int Id { get; set; }
    public int SortOrder { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public ContactVisibility ContactVisibility { get; set; } = ContactVisibility.Public;
}
