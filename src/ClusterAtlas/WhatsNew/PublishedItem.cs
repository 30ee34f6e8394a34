namespace ClusterAtlas.WhatsNew;

/// <summary>
/// One thing the platform published (a profile, a posting, a news item, an event, a call), in the shape the weekly
/// digest, the home page's "what's new" block and the tag pages show it: a title, a line of summary and a link.
/// </summary>
/// <param name="Section">The publishing feature's <see cref="IPublishedItems.Section"/>.</param>
/// <param name="Path">The item's page, relative to the site's root (links in mail prefix the configured base URL).</param>
/// <param name="Date">When it was published; for an event its start, for a call its closing date.</param>
/// <param name="Sectors">Sectors as slugs of their terms' labels (<c>TextFolding.Slug</c>), the form the newsletter's sector choices take.</param>
/// <param name="Countries">ISO 3166-1 alpha-2 codes, for subscribers who chose countries.</param>
/// <param name="Tags">Tag slugs, for the tag pages.</param>
public sealed record PublishedItem(
    string Section,
    string Title,
    string? Summary,
    string Path,
    DateTimeOffset Date,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Tags);
