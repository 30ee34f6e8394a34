using ClusterAtlas.Profiles;

namespace ClusterAtlas.PartnerSearch;

/// <summary>A member's interest in a posting, on behalf of one of the cluster organisations they administer.</summary>
public class PostingInterest : Data.INotContent
{
    public const int MaxMessageLength = 2000;

    public int Id { get; set; }
    public int PostingId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>The interested member's cluster organisation, linked in the mail to the posting's author.</summary>
    public int ProfileId { get; set; }
    public ClusterOrganisation Profile { get; set; } = null!;
    public string? Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
