namespace ClusterAtlas.Newsletter;

/// <summary>
/// Someone who asked for the newsletter and the weekly digest, with or without an account: an address, the language
/// of their mail and the sectors and countries they chose (none: everything). Mail other than the confirmation goes
/// only to a <see cref="SubscriptionStatus.Confirmed"/> subscription.
/// </summary>
public class NewsletterSubscription
{
    public const int MaxEmailLength = 254;
    public const int MaxChoices = 50;

    public int Id { get; set; }

    /// <summary>Named by the links in its mail (confirm, manage, unsubscribe); new whenever the address subscribes anew, so old links die.</summary>
    public Guid Key { get; set; } = Guid.NewGuid();

    /// <summary>Lower case: one subscription per address.</summary>
    public required string Email { get; set; }

    public required string Language { get; set; }

    /// <summary>Sector slugs (the directory's <c>sector</c> values); empty for every sector.</summary>
    public List<string> Sectors { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes; empty for every country.</summary>
    public List<string> Countries { get; set; } = [];

    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Pending;

    /// <summary>The member who subscribed with their confirmed account address, if any.</summary>
    public string? UserId { get; set; }

    /// <summary>When the confirmation was asked for (again): an unconfirmed subscription expires a while after it.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>When it was unsubscribed or its address bounced.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
