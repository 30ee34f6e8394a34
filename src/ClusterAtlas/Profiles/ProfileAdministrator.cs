using ClusterAtlas.Accounts;

namespace ClusterAtlas.Profiles;

/// <summary>An account that administers (may edit) one cluster organisation's profile.</summary>
public class ProfileAdministrator : Data.INotContent
{
    public int ClusterOrganisationId { get; set; }
    public ClusterOrganisation ClusterOrganisation { get; set; } = null!;
    public required string UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public DateTimeOffset AddedAt { get; set; }
}
