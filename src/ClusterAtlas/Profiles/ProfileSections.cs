namespace ClusterAtlas.Profiles;

/// <summary>
/// The sections of a profile page, in order. One list drives the in-page navigation, the public page
/// and the print view; each section's markup is the partial Profiles/Sections/_{Id}.cshtml.
/// A section without content is left out.
/// </summary>
public sealed record ProfileSection(string Id, string Title, Func<ClusterOrganisation, bool> HasContent)
{
    public string Partial => $"/Profiles/Sections/_{Id}.cshtml";

    public static readonly IReadOnlyList<ProfileSection> All =
    [
        new("general", "General Information", p =>
            p.EstablishedOn is not null || p.ManagementTeamFte is not null || p.RegionName is not null || p.ExcellenceLabel is not null
            || p.OtherLabels is not null || p.NetworkMemberships.Count > 0 || p.ManagementTeam.Count > 0 || p.Languages.Count > 0),
        new("focus", "Sectoral and Industrial Focus", p =>
            p.Terms.Any(t => t.Field is ProfileField.SectoralIndustry or ProfileField.EmergingIndustry or ProfileField.TechnologyField or ProfileField.S3PriorityArea)
            || p.OtherSpecialisationAreas is not null),
        new("composition", "Composition of the cluster", p =>
            p.TotalMembers is not null || p.SmeMembers is not null || p.StartupMembers is not null || p.LargeCompanyMembers is not null
            || p.ResearchOrganisationMembers is not null || p.OtherEcosystemActors is not null || p.SupportFacilities.Count > 0 || p.MajorPlayers.Count > 0),
        new("strategy", "Cluster Strategy", p =>
            p.StrategyMarkdown is not null || p.HasFormalisedStrategy is not null || p.HasInternationalisationFocus is not null),
        new("services", "Support services", p =>
            p.Terms.Any(t => t.Field == ProfileField.SupportService) || p.SupportServicesMarkdown is not null),
        new("cooperation", "Cooperation Activities", p =>
            p.CountriesOutsideEurope.Count > 0 || p.CountriesInEurope.Count > 0 || p.CollaboratingClusters.Count > 0
            || p.Terms.Any(t => t.Field is ProfileField.InternationalActivity or ProfileField.EuropeanActivity)),
        new("programmes", "Support Programmes", p => p.SupportProgrammes.Count > 0),
        new("stories", "Success Stories and Achievements", p => p.SuccessStories.Count > 0),
    ];
}
