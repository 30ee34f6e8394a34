namespace ClusterAtlas.Newsletter;

public enum SubscriptionStatus
{
    /// <summary>Asked for, waiting for the address's confirmation; only the confirmation mail goes to it.</summary>
    Pending,
    Confirmed,
    Unsubscribed,
    /// <summary>The mail server refused the address permanently: nothing is sent to it again until it subscribes anew.</summary>
    Bounced,
}
