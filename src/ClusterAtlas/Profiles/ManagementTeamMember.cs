using System.Security.Claims;

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

    /// <summary>Whether this person's phone and e-mail may be shown to <paramref name="reader"/>: restricted contacts never reach a page of someone who may not see them.</summary>
    public bool ContactShownTo(ClaimsPrincipal reader) =>
        ContactVisibility == ContactVisibility.Public || (ContactVisibility == ContactVisibility.MembersOnly && reader.Identity?.IsAuthenticated == true);
}
