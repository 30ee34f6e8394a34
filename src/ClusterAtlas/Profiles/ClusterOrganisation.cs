using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Profiles;

/// <summary>
/// A cluster organisation's profile: every section of an ECCP profile page.
/// Yes/no answers are nullable because "not answered" is not "no".
/// </summary>
public class ClusterOrganisation : Data.IStampedContent
{
    /// <summary>The properties of the validation workflow, not of the content: changing them leaves editors' copies valid.</summary>
    private static readonly HashSet<string> WorkflowProperties =
    [
        nameof(Status), nameof(PublishedAt), nameof(SubmittedAt), nameof(RejectionReason), nameof(CriteriaWaived), nameof(UpdatedAt),
        nameof(RelyOnContactRequests),
    ];

    IReadOnlySet<string> Data.IStampedContent.NotContentProperties => WorkflowProperties;

    public int Id { get; set; }

    // Identity and contact
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? LocalName { get; set; }
    /// <summary>The language of <see cref="LocalName"/> (ISO 639-1), for its lang attribute; defaults to the country's main language.</summary>
    public string? LocalLanguage { get; set; }
    public string? Acronym { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? CountryCode { get; set; }
    public string? RegionName { get; set; }
    public string? NutsCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>How the point was found: set by hand, or from the city, the region or the country (see Map/ProfileLocator); null when not located.</summary>
    public LocationPrecision? LocationPrecision { get; set; }
    /// <summary>The hash of the logo the profile shows (a <see cref="Logos.ProfileLogo"/> of this profile), or null.</summary>
    public string? LogoSha256 { get; set; }
    public string? ShortDescription { get; set; }

    // General Information
    public DateOnly? EstablishedOn { get; set; }
    /// <summary>Staff of the management team in full-time equivalents.</summary>
    public decimal? ManagementTeamFte { get; set; }
    /// <summary>Staff of the management team as a band of people ("11-20"): the ECCP's pages since 2021 give a band, not a number.</summary>
    public string? ManagementTeamBand { get; set; }
    public ExcellenceLabel? ExcellenceLabel { get; set; }
    public DateOnly? ExcellenceLabelValidUntil { get; set; }
    public string? OtherLabels { get; set; }
    public List<string> NetworkMemberships { get; set; } = [];
    public List<ManagementTeamMember> ManagementTeam { get; set; } = [];
    /// <summary>ISO 639-1 codes.</summary>
    public List<string> Languages { get; set; } = [];

    // Sectoral and Industrial Focus (vocabulary terms are in Terms, by field)
    public string? OtherSpecialisationAreas { get; set; }

    // Composition of the cluster
    public int? TotalMembers { get; set; }
    public int? SmeMembers { get; set; }
    public int? StartupMembers { get; set; }
    public int? LargeCompanyMembers { get; set; }
    public int? ResearchOrganisationMembers { get; set; }
    public int? OtherEcosystemActors { get; set; }
    public List<SupportFacility> SupportFacilities { get; set; } = [];
    public List<MajorPlayer> MajorPlayers { get; set; } = [];

    // Cluster Strategy
    public string? StrategyMarkdown { get; set; }
    public bool? HasFormalisedStrategy { get; set; }
    public bool? HasInternationalisationFocus { get; set; }

    // Support services (terms in Terms) and their details
    public string? SupportServicesMarkdown { get; set; }

    // Cooperation Activities (activity types are in Terms)
    public List<string> CountriesOutsideEurope { get; set; } = [];
    public List<string> CountriesInEurope { get; set; } = [];
    public List<CollaboratingCluster> CollaboratingClusters { get; set; } = [];

    // Support Programmes and Success Stories
    public List<SupportProgramme> SupportProgrammes { get; set; } = [];
    public List<SuccessStory> SuccessStories { get; set; } = [];

    /// <summary>Vocabulary terms of the profile, each tagged with the profile field it fills.</summary>
    public List<ProfileTerm> Terms { get; set; } = [];

    // Workflow
    public ProfileStatus Status { get; set; } = ProfileStatus.Draft;
    public bool IsSampleData { get; set; }
    /// <summary>
    /// A setting of the profile, not its content: its phone numbers are not shown (page, print view, team) and visitors
    /// are sent to a contact request instead (see Contact/ and docs/decisions/0016-contact-requests.md).
    /// </summary>
    public bool RelyOnContactRequests { get; set; }
    /// <summary>Where the profile came from, e.g. "eccp-import".</summary>
    public string? Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>When its administrators last asked the validation team to publish it.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Why the validation team did not publish it (shown to its administrators until they submit again).</summary>
    public string? RejectionReason { get; set; }
    /// <summary>A moderator published it although not every validation criterion is met (it belongs to a cluster programme).</summary>
    public bool CriteriaWaived { get; set; }
    /// <summary>Changed whenever the content changes (not the status); a stale copy cannot overwrite a newer one.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
    /// <summary>The accounts that may edit this profile (besides moderators and administrators).</summary>
    public List<ProfileAdministrator> Administrators { get; set; } = [];

    public IEnumerable<ProfileTerm> TermsOf(ProfileField field) =>
        Terms.Where(t => t.Field == field).OrderBy(t => t.SortOrder);
}
