namespace ClusterAtlas.Notifications;

/// <summary>A person's choice for one kind; a kind without a row is e-mailed immediately.</summary>
public class NotificationPreference
{
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public NotificationDelivery Delivery { get; set; }
}
