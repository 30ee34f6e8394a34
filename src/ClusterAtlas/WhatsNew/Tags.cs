using ClusterAtlas.Profiles;

namespace ClusterAtlas.WhatsNew;

/// <summary>
/// Tags of news, events and calls: typed as words separated by commas, kept as URL slugs ("Green Deal" is
/// "green-deal"), so the same tag from two features meets on one `/tags/{tag}` page.
/// </summary>
public static class Tags
{
    public const int MaxCount = 10;
    public const int MaxLength = 40;

    /// <summary>The distinct slugs of the comma-separated input, in the order typed; empty parts are dropped.</summary>
    public static IReadOnlyList<string> Parse(string? input) =>
        [.. (input ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(TextFolding.Slug)
            .Where(slug => slug.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>True when the list is within the limits; the form says which one is broken, in the visitor's language.</summary>
    public static bool WithinLimits(IReadOnlyList<string> slugs) =>
        slugs.Count <= MaxCount && slugs.All(s => s.Length <= MaxLength);

    /// <summary>A slug as people read it: "green-deal" is "green deal".</summary>
    public static string Display(string slug) => slug.Replace('-', ' ');
}
