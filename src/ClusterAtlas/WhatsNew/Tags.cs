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

    /// <summary>Why the input is not a valid tag list, or null: too many tags, or one too long.</summary>
    public static string? Problem(IReadOnlyList<string> slugs) =>
        slugs.Count > MaxCount ? $"at most {MaxCount} tags"
        : slugs.FirstOrDefault(s => s.Length > MaxLength) is { } tooLong ? $"the tag \"{tooLong}\" is longer than {MaxLength} characters"
        : null;

    /// <summary>A slug as people read it: "green-deal" is "green deal".</summary>
    public static string Display(string slug) => slug.Replace('-', ' ');
}
