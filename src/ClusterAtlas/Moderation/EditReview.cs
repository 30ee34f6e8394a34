namespace ClusterAtlas.Moderation;

/// <summary>
/// A change to a published profile that someone of the validation team has looked at: it leaves the edits feed's
/// default view (which shows what still needs a look), and who reviewed it and when stays known.
/// </summary>
public class EditReview
{
    /// <summary>The revision reviewed; one review per revision.</summary>
    public long ProfileRevisionId { get; set; }

    public DateTimeOffset ReviewedAt { get; set; }

    /// <summary>Null once the reviewer's account is deleted; <see cref="ReviewerName"/> stays.</summary>
    public string? ReviewerUserId { get; set; }

    public required string ReviewerName { get; set; }
}
