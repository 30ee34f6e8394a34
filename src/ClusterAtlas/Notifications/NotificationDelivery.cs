namespace ClusterAtlas.Notifications;

/// <summary>How a kind of notification reaches a person by e-mail (it is always on the notifications page).</summary>
public enum NotificationDelivery
{
    Immediately,
    DailyDigest,
    NoEmail,
}
