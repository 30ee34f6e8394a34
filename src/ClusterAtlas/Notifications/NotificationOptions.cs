namespace ClusterAtlas.Notifications;

/// <summary>Settings under "ClusterAtlas:Notifications".</summary>
public sealed class NotificationOptions
{
    public const string Section = "ClusterAtlas:Notifications";

    /// <summary>The hour (UTC, 0–23) from which each person's daily digest of the day before goes out.</summary>
    public int DigestHourUtc { get; set; } = 7;
}
