namespace ClusterAtlas.Events;

/// <summary>An event as lists show it.</summary>
public sealed record EventSummary(
    int Id, string Slug, string Title, string Summary, EventKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
    bool IsOnline, string? City, string? CountryCode, string? OrganiserName, string? OrganiserSlug,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Countries, IReadOnlyList<string> Tags, DateTimeOffset? PublishedAt)
{
    /// <summary>The values of a facet this event has.</summary>
    public IEnumerable<string> ValuesOf(string facet) => facet switch
    {
        EventQuery.Kind => [Kind.ToString()],
        EventQuery.Format => IsOnline && City is not null ? [EventQuery.Online, EventQuery.InPerson] : IsOnline ? [EventQuery.Online] : [EventQuery.InPerson],
        EventQuery.Sector => Sectors,
        EventQuery.Country => CountryCode is null ? Countries : Countries.Prepend(CountryCode).Distinct(StringComparer.Ordinal),
        EventQuery.Tag => Tags,
        _ => [],
    };
}
