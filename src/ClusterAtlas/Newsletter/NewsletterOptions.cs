namespace ClusterAtlas.Newsletter;

/// <summary>Settings under "ClusterAtlas:Newsletter".</summary>
public sealed class NewsletterOptions
{
    public const string Section = "ClusterAtlas:Newsletter";

    /// <summary>The weekday (UTC) the weekly digest goes out; it lists what was published in the seven days before.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The hour (UTC, 0–23) of that day.</summary>
    public int DigestHourUtc { get; set; } = 8;

    /// <summary>Whether the background job sends each week's digest by itself (off, the platform team sends it from its page).</summary>
    public bool SendDigestAutomatically { get; set; } = true;

    /// <summary>A digest not sent within this time after its hour (the platform was down) is skipped rather than sent late.</summary>
    public TimeSpan LatestDigestDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a subscription may wait for its confirmation before it is deleted.</summary>
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Throttle: an issue's messages are queued to leave at most this many a minute.</summary>
    public int MessagesPerMinute { get; set; } = 120;
}
