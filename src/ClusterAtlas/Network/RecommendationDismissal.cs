using ClusterAtlas.Profiles;

namespace ClusterAtlas.Network;

/// <summary>A recommendation a profile's administrator marked "not relevant": never shown to that profile again.</summary>
public class RecommendationDismissal : Data.INotContent
{
    public int ProfileId { get; set; }
    public ClusterOrganisation Profile { get; set; } = null!;
    public int DismissedProfileId { get; set; }
    public ClusterOrganisation DismissedProfile { get; set; } = null!;
    public string? UserId { get; set; }
    public DateTimeOffset DismissedAt { get; set; }
}
