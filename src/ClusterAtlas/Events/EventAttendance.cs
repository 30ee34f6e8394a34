using ClusterAtlas.Profiles;

namespace ClusterAtlas.Events;

/// <summary>"We will be there": a cluster organisation says it will attend an event (marked by one of its administrators).</summary>
public class EventAttendance : Data.INotContent
{
    public int EventId { get; set; }
    public ClusterEvent Event { get; set; } = null!;
    public int ProfileId { get; set; }
    public ClusterOrganisation Profile { get; set; } = null!;
    /// <summary>Who marked it; null once their account is deleted.</summary>
    public string? MarkedByUserId { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
}
