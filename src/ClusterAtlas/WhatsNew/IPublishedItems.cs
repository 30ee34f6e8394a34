namespace ClusterAtlas.WhatsNew;

/// <summary>
/// What one feature publishes, for the features that gather from all of them (the weekly digest, the home page's
/// "what's new" block, the tag pages) without knowing each one. A feature registers its implementation with
/// <see cref="WhatsNewFeature.AddPublishedItems{T}"/>; only public, published items are returned.
/// </summary>
public interface IPublishedItems
{
    /// <summary>A short stable key: "profiles", "postings", "news", "events", "calls". Also the resource key suffix of its heading.</summary>
    string Section { get; }

    /// <summary>The order the gatherers show the sections in (lower first).</summary>
    int Order { get; }

    /// <summary>Items published in [since, until), newest first.</summary>
    Task<IReadOnlyList<PublishedItem>> PublishedBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>When the section's earliest item still shown was published (null when it has none): where the digest's archive begins.</summary>
    Task<DateTimeOffset?> FirstPublishedAsync(CancellationToken cancellationToken);

    /// <summary>What the home page shows of this section: the latest, the upcoming or the closing soon, as fits it.</summary>
    Task<IReadOnlyList<PublishedItem>> ForHomePageAsync(int count, CancellationToken cancellationToken);

    /// <summary>Items with this tag slug, newest first (none when the section has no tags).</summary>
    Task<IReadOnlyList<PublishedItem>> TaggedAsync(string tag, int count, CancellationToken cancellationToken);
}
