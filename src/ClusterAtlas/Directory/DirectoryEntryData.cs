using ClusterAtlas.Profiles;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// One published profile's values as the directory loads them from the database: what facets, sorting, result cards,
/// the map and the statistics need. The snapshot keeps them in columns (<see cref="DirectoryEntries"/>), not as one
/// object per profile.
/// </summary>
public sealed class DirectoryEntryData
{
    public required int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string? Acronym { get; init; }
    public string? CountryCode { get; init; }
    public string? Region { get; init; }
    public ExcellenceLabel? Label { get; init; }
    public int? TotalMembers { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public bool IsSampleData { get; init; }
    /// <summary>The profile hides its phone numbers: the card offers a contact request instead.</summary>
    public bool RelyOnContactRequests { get; init; }
    public required string[] NameWords { get; init; }
    public required string[] NameStems { get; init; }
    public required int[] TermIds { get; init; }
    public required string[] CooperationCountries { get; init; }

    // For the map and the statistics (see Map/ and Statistics/).
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public LocationPrecision? LocationPrecision { get; init; }
    public int? EstablishedYear { get; init; }
    public int? SmeMembers { get; init; }
    public int? StartupMembers { get; init; }
    public int? LargeCompanyMembers { get; init; }
    public int? ResearchOrganisationMembers { get; init; }
    public int? OtherEcosystemActors { get; init; }
}
