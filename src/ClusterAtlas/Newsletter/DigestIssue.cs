using ClusterAtlas.WhatsNew;

namespace ClusterAtlas.Newsletter;

/// <summary>A week's digest, unfiltered: every section's items published in [Start, End).</summary>
public sealed record DigestIssue(DigestWeek Week, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<DigestSection> Sections)
{
    /// <summary>The sections a subscriber gets, without the empty ones (no sections: nothing is sent to them).</summary>
    public IReadOnlyList<DigestSection> For(NewsletterSubscription subscription) =>
        [.. Sections.Select(s => s.For(subscription)).Where(s => s.Items.Count > 0)];

    /// <summary>Gathers the week from every registered section (news, events, calls, profiles, postings...), in their order.</summary>
    public static async Task<DigestIssue> GatherAsync(IServiceProvider services, DigestWeek week, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var sections = new List<DigestSection>();
        foreach (var section in services.Sections())
        {
            sections.Add(new DigestSection(section.Section, await section.PublishedBetweenAsync(start, end, cancellationToken)));
        }
        return new DigestIssue(week, start, end, sections);
    }
}
