namespace ClusterAtlas.Caching;

/// <summary>
/// What a cached public answer shows, as output-cache tags. Every cached answer carries <see cref="All"/>; a write
/// evicts the tags of what it changed (<see cref="CacheTagMap"/>), and a write nobody declared evicts <see cref="All"/>.
/// </summary>
public static class ContentTags
{
    /// <summary>Every cached answer: evicted by a write of any kind that no feature declared.</summary>
    public const string All = "content";

    /// <summary>Profiles and what hangs on them (terms, team, logos, locations, the network between them).</summary>
    public const string Profiles = "profiles";

    /// <summary>The vocabularies' terms and their names in every language.</summary>
    public const string Vocabularies = "vocabularies";

    /// <summary>Partner search postings, their interests and comments.</summary>
    public const string Postings = "postings";

    /// <summary>News items, their images and the profiles they name.</summary>
    public const string News = "news";

    /// <summary>Events and who will attend them.</summary>
    public const string Events = "events";

    /// <summary>Open calls and funding opportunities, with their terms.</summary>
    public const string Calls = "calls";
}
