using ClusterAtlas.WhatsNew;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Newsletter;

/// <summary>One section of a digest: what one feature published in the week, as far as the reader chose it.</summary>
public sealed record DigestSection(string Section, IReadOnlyList<PublishedItem> Items)
{
    /// <summary>The section's heading: the resource string "WhatsNew.Section.{section}".</summary>
    public static string Heading(string section, IStringLocalizer T) => T[$"WhatsNew.Section.{section}"];

    /// <summary>
    /// The items a subscriber chose: those with one of their sectors (or none, when they chose none) and one of their
    /// countries (likewise). An item without sectors or countries is general news and goes to everyone.
    /// </summary>
    public DigestSection For(NewsletterSubscription subscription) =>
        this with { Items = [.. Items.Where(item => Matches(item.Sectors, subscription.Sectors) && Matches(item.Countries, subscription.Countries))] };

    private static bool Matches(IReadOnlyList<string> itemValues, List<string> chosen) =>
        chosen.Count == 0 || itemValues.Count == 0 || itemValues.Any(chosen.Contains);
}
