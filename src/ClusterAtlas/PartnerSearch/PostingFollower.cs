namespace ClusterAtlas.PartnerSearch;

/// <summary>A member who follows a posting (later notifications of its comments and deadline go to them).</summary>
public class PostingFollower
{
    public int PostingId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
}
