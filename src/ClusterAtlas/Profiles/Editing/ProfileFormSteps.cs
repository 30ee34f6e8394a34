namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The steps of the profile form, in order: the registration wizard walks through them, the edit page shows one at
/// a time. Each step saves only its own fields, so a long profile is kept in small, safe saves. A step lists its
/// fields in the order its form shows them (the error summary follows it).
/// </summary>
public sealed record ProfileFormStep(string Id, string Title, IReadOnlyList<string> Properties)
{
    public const string Review = "submit";

    public static readonly IReadOnlyList<ProfileFormStep> All =
    [
        new("identity", "Identity and contact", [
            nameof(ProfileForm.Name), nameof(ProfileForm.LocalName), nameof(ProfileForm.LocalLanguage), nameof(ProfileForm.Acronym), nameof(ProfileForm.ShortDescription),
            nameof(ProfileForm.Website), nameof(ProfileForm.Email), nameof(ProfileForm.Phone), nameof(ProfileForm.Street),
            nameof(ProfileForm.Postcode), nameof(ProfileForm.City), nameof(ProfileForm.CountryCode), nameof(ProfileForm.RegionName),
            nameof(ProfileForm.NutsCode), nameof(ProfileForm.Latitude), nameof(ProfileForm.Longitude)]),
        new("general", "General Information", [
            nameof(ProfileForm.EstablishedOn), nameof(ProfileForm.ManagementTeamFte),
            nameof(ProfileForm.ExcellenceLabel), nameof(ProfileForm.ExcellenceLabelValidUntil), nameof(ProfileForm.OtherLabels),
            nameof(ProfileForm.NetworkMemberships), nameof(ProfileForm.Languages), nameof(ProfileForm.ManagementTeam)]),
        new("focus", "Sectoral and Industrial Focus", [
            nameof(ProfileForm.SectoralIndustries), nameof(ProfileForm.EmergingIndustries), nameof(ProfileForm.TechnologyFields),
            nameof(ProfileForm.S3PriorityAreas), nameof(ProfileForm.OtherSpecialisationAreas)]),
        new("composition", "Composition of the cluster", [
            nameof(ProfileForm.TotalMembers), nameof(ProfileForm.SmeMembers), nameof(ProfileForm.StartupMembers),
            nameof(ProfileForm.LargeCompanyMembers), nameof(ProfileForm.ResearchOrganisationMembers), nameof(ProfileForm.OtherEcosystemActors),
            nameof(ProfileForm.SupportFacilities), nameof(ProfileForm.MajorPlayers)]),
        new("strategy", "Strategy and services", [
            nameof(ProfileForm.StrategyMarkdown), nameof(ProfileForm.HasFormalisedStrategy), nameof(ProfileForm.HasInternationalisationFocus),
            nameof(ProfileForm.SupportServices), nameof(ProfileForm.SupportServicesMarkdown)]),
        new("cooperation", "Cooperation Activities", [
            nameof(ProfileForm.EuropeanActivities), nameof(ProfileForm.CountriesInEurope), nameof(ProfileForm.InternationalActivities),
            nameof(ProfileForm.CountriesOutsideEurope), nameof(ProfileForm.CollaboratingClusters)]),
        new("programmes", "Support Programmes and Success Stories", [
            nameof(ProfileForm.SupportProgrammes), nameof(ProfileForm.SuccessStories)]),
    ];

    public static ProfileFormStep? Find(string? id) => All.FirstOrDefault(s => s.Id == id);

    public ProfileFormStep? Next => All.SkipWhile(s => s != this).Skip(1).FirstOrDefault();

    /// <summary>Copies this step's fields from <paramref name="source"/> (what was posted) into <paramref name="target"/> (what is stored).</summary>
    public void CopyFields(ProfileForm source, ProfileForm target) => ProfileForm.CopyProperties(source, target, Properties);

    /// <summary>The step that holds a property (for a field error's link in the review).</summary>
    public static ProfileFormStep Of(string property) => All.First(s => s.Properties.Contains(property));
}

/// <summary>The label of every form field, as the form and the diffs show it (English keys of the shared resource).</summary>
public static class ProfileFormLabels
{
    public static readonly IReadOnlyDictionary<string, string> Of = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ProfileForm.Name)] = "Name of the cluster organisation",
        [nameof(ProfileForm.LocalName)] = "Name in the local language",
        [nameof(ProfileForm.LocalLanguage)] = "Language of the local name",
        [nameof(ProfileForm.Acronym)] = "Acronym",
        [nameof(ProfileForm.ShortDescription)] = "Short description",
        [nameof(ProfileForm.Website)] = "Website",
        [nameof(ProfileForm.Email)] = "E-mail",
        [nameof(ProfileForm.Phone)] = "Phone",
        [nameof(ProfileForm.Street)] = "Street and number",
        [nameof(ProfileForm.Postcode)] = "Postcode",
        [nameof(ProfileForm.City)] = "City",
        [nameof(ProfileForm.CountryCode)] = "Country",
        [nameof(ProfileForm.RegionName)] = "Region",
        [nameof(ProfileForm.NutsCode)] = "NUTS code",
        [nameof(ProfileForm.Latitude)] = "Latitude",
        [nameof(ProfileForm.Longitude)] = "Longitude",
        [nameof(ProfileForm.Logo)] = "Logo",
        [nameof(ProfileForm.EstablishedOn)] = "Established on",
        [nameof(ProfileForm.ManagementTeamFte)] = "Management team in full-time equivalents",
        [nameof(ProfileForm.ManagementTeam)] = "Management team",
        [nameof(ProfileForm.ExcellenceLabel)] = "Cluster management excellence label",
        [nameof(ProfileForm.ExcellenceLabelValidUntil)] = "Label valid until",
        [nameof(ProfileForm.OtherLabels)] = "Other labels",
        [nameof(ProfileForm.NetworkMemberships)] = "Member of networks",
        [nameof(ProfileForm.Languages)] = "Languages spoken",
        [nameof(ProfileForm.SectoralIndustries)] = "Sectoral industries",
        [nameof(ProfileForm.EmergingIndustries)] = "Emerging industries",
        [nameof(ProfileForm.TechnologyFields)] = "Technology fields",
        [nameof(ProfileForm.S3PriorityAreas)] = "S3 priority areas",
        [nameof(ProfileForm.OtherSpecialisationAreas)] = "Other specialisation areas",
        [nameof(ProfileForm.TotalMembers)] = "Total number of members",
        [nameof(ProfileForm.SmeMembers)] = "SME members",
        [nameof(ProfileForm.StartupMembers)] = "Start-up members",
        [nameof(ProfileForm.LargeCompanyMembers)] = "Large company members",
        [nameof(ProfileForm.ResearchOrganisationMembers)] = "Research and education organisations",
        [nameof(ProfileForm.OtherEcosystemActors)] = "Other ecosystem actors",
        [nameof(ProfileForm.SupportFacilities)] = "Support facilities",
        [nameof(ProfileForm.MajorPlayers)] = "Major players",
        [nameof(ProfileForm.StrategyMarkdown)] = "Strategy",
        [nameof(ProfileForm.HasFormalisedStrategy)] = "The cluster has a formalised strategy",
        [nameof(ProfileForm.HasInternationalisationFocus)] = "The strategy has an internationalisation focus",
        [nameof(ProfileForm.SupportServices)] = "Support services",
        [nameof(ProfileForm.SupportServicesMarkdown)] = "About the support services",
        [nameof(ProfileForm.InternationalActivities)] = "Activities outside Europe",
        [nameof(ProfileForm.CountriesOutsideEurope)] = "Countries outside Europe",
        [nameof(ProfileForm.EuropeanActivities)] = "Activities in Europe",
        [nameof(ProfileForm.CountriesInEurope)] = "Countries in Europe",
        [nameof(ProfileForm.CollaboratingClusters)] = "Collaborating clusters",
        [nameof(ProfileForm.SupportProgrammes)] = "Support Programmes",
        [nameof(ProfileForm.SuccessStories)] = "Success stories",
    };
}
