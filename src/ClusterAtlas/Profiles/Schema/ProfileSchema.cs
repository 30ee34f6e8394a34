using ClusterAtlas.Profiles.Editing;
using static ClusterAtlas.Profiles.Schema.FieldKind;

namespace ClusterAtlas.Profiles.Schema;

/// <summary>
/// The profile, declared once: its sections in page order, each with its fields in the order the form shows them.
/// Adding a plain field is one entry here, the property on <see cref="ClusterOrganisation"/> and <see cref="ProfileForm"/>
/// with its migrations, and its translations; the tests in ProfileSchemaTests say what is missing. Custom rendering stays
/// in the partials the sections and fields name.
/// </summary>
public static class ProfileSchema
{
    public const int MaxMarkdownLength = 20_000;
    public const int MaxMembers = 1_000_000;

    /// <summary>The steps of the form, in order (each shows the fields of the sections that name it; its partial is Steps/_{Id}).</summary>
    public static readonly IReadOnlyList<(string Id, string Title)> Steps =
    [
        ("identity", "Identity and contact"),
        ("general", "General Information"),
        ("focus", "Sectoral and Industrial Focus"),
        ("composition", "Composition of the cluster"),
        ("strategy", "Strategy and services"),
        ("cooperation", "Cooperation Activities"),
        ("programmes", "Support Programmes and Success Stories"),
    ];

    private static readonly ValueRange MemberCount = new(0, MaxMembers, "");

    public static readonly IReadOnlyList<ProfileSection> Sections =
    [
        new("identity", "Identity and contact", "identity", [
            new(nameof(ClusterOrganisation.Name), Text, "Name of the cluster organisation")
                { MaxLength = 300, Required = true, RequiredMessage = "Enter the name of the cluster organisation.", Search = SearchRole.Name, NotOnEccpPages = true },
            new(nameof(ClusterOrganisation.LocalName), Text, "Name in the local language")
                { MaxLength = 300, Search = SearchRole.Name, Eccp = Eccp("local name", "nameinthelocallanguage", "nameinlocallanguage", "localname") },
            new(nameof(ClusterOrganisation.LocalLanguage), Language, "Language of the local name") { MaxLength = 2, NotOnEccpPages = true },
            new(nameof(ClusterOrganisation.Acronym), Text, "Acronym") { MaxLength = 50, Search = SearchRole.Name, Eccp = Eccp("acronym", "acronym") },
            new(nameof(ClusterOrganisation.ShortDescription), Text, "Short description")
                {
                    MaxLength = 1000, Search = SearchRole.Text, Eccp = Block("description", "shortdescription", "description"),
                    Demo = "{name} brings together {members} members in {sector} around {place}: companies, research organisations and public partners working on joint projects.",
                },
            new(nameof(ClusterOrganisation.Website), Url, "Website") { MaxLength = 500, Eccp = Eccp("website", "website", "webpage"), Demo = "https://{slug}.example.org" },
            new(nameof(ClusterOrganisation.Email), Email, "E-mail") { MaxLength = 254, Eccp = Eccp("email", "email"), Demo = "info@{slug}.example.org" },
            new(nameof(ClusterOrganisation.Phone), Phone, "Phone") { MaxLength = 40, Eccp = Eccp("phone", "telephone", "phone") },
            new(nameof(ClusterOrganisation.Street), Text, "Street and number") { MaxLength = 200, Eccp = Eccp("street", "street") },
            new(nameof(ClusterOrganisation.Postcode), Text, "Postcode") { MaxLength = 20, Eccp = Eccp("postcode", "postcode", "postalcode") },
            new(nameof(ClusterOrganisation.City), Text, "City") { MaxLength = 200, Search = SearchRole.Term, Eccp = Eccp("city", "city") },
            new(nameof(ClusterOrganisation.CountryCode), Country, "Country")
                { MaxLength = 2, Search = SearchRole.Term, Facet = "country", Eccp = Eccp("country", "country") },
            new(nameof(ClusterOrganisation.RegionName), Text, "Region")
                { MaxLength = 200, Search = SearchRole.Term, Facet = "region", PageSection = "general", Eccp = Eccp("region", "region") },
            new(nameof(ClusterOrganisation.NutsCode), Text, "NUTS code") { MaxLength = 5, PageSection = "general", ShownAlone = false, NotOnEccpPages = true },
            new(nameof(ClusterOrganisation.Latitude), Coordinate, "Latitude")
                { Range = new(-90, 90, "A latitude is between -90 and 90 degrees, such as 45.2671 for Novi Sad."), NotOnEccpPages = true },
            new(nameof(ClusterOrganisation.Longitude), Coordinate, "Longitude")
                { Range = new(-180, 180, "A longitude is between -180 and 180 degrees, such as 19.8335 for Novi Sad."), NotOnEccpPages = true },
            new(nameof(ProfileForm.Logo), Logo, "Logo") { EntityName = nameof(ClusterOrganisation.LogoSha256), MaxLength = 64, EditedOnOwnPage = true, NotOnEccpPages = true },
        ]),
        new("general", "General Information", "general", [
            new(nameof(ClusterOrganisation.EstablishedOn), Date, "Established on")
                { NotInFuture = true, Eccp = Eccp("established", "thedatewhentheclusterorganisationwasestablished", "dateofestablishment", "established") },
            new(nameof(ClusterOrganisation.ManagementTeamFte), Number, "Management team in full-time equivalents")
                { Range = new(0, 10_000, "Enter a number from 0 to 10,000."), Eccp = Eccp("staff fte", "numberofstaffinthemanagementteam") with { Rule = EccpRule.ManagementStaff } },
            // The ECCP's pages since 2021 give the team as a band of people ("11-20"), which is no number of full-time equivalents.
            new(nameof(ClusterOrganisation.ManagementTeamBand), Text, "Staff in the management team")
                { MaxLength = 20, RenderedBySchema = true, Eccp = Eccp("staff band", "staffinthemanagementteam") },
            new(nameof(ClusterOrganisation.ExcellenceLabel), Choice, "Cluster management excellence label")
                { Facet = "label", Eccp = Eccp("label", "clusterexcellencelabel") with { Rule = EccpRule.ExcellenceLabel } },
            new(nameof(ClusterOrganisation.ExcellenceLabelValidUntil), Date, "Label valid until")
                { ShownAlone = false, Eccp = Eccp("label validity", "clusterexcellencelabelvalid", "labelvaliduntil") },
            new(nameof(ClusterOrganisation.OtherLabels), Text, "Other labels") { MaxLength = 1000, Eccp = Block("other labels", "otherlabels") },
            new(nameof(ClusterOrganisation.NetworkMemberships), Lines, "Member of networks")
                { MaxLength = 300, Search = SearchRole.Term, Eccp = Eccp("networks", "membershiptoothernetworks", "membershipofothernetworks") },
            new(nameof(ClusterOrganisation.Languages), Languages, "Languages spoken") { Eccp = Eccp("languages", "languagesspoken") },
            new(nameof(ProfileForm.ManagementTeam), Group, "Management team")
            {
                Eccp = Eccp("team", "clustermanagementteam") with { Rule = EccpRule.ManagementTeam },
                Group = new(typeof(TeamMemberRow), typeof(ManagementTeamMember), "Team member {0}", "Add another team member", [
                    new(nameof(TeamMemberRow.Name), Text, "Name") { MaxLength = 200 },
                    new(nameof(TeamMemberRow.Role), Text, "Role") { MaxLength = 200 },
                    new(nameof(TeamMemberRow.Email), Email, "E-mail") { MaxLength = 254, Privacy = ContactPrivacy.RowVisibility },
                    new(nameof(TeamMemberRow.Phone), Phone, "Phone") { MaxLength = 40, Privacy = ContactPrivacy.RowVisibility },
                    new(nameof(TeamMemberRow.ContactVisibility), Choice, "Who may see the e-mail and phone"),
                ]),
            },
        ]),
        new("focus", "Sectoral and Industrial Focus", "focus", [
            Terms(nameof(ProfileForm.SectoralIndustries), "Sectoral industries", ProfileField.SectoralIndustry, "sector", Eccp("sectors", "sectoralindustries"))
                with { Required = true, RequiredMessage = "Choose at least one sectoral industry." },
            Terms(nameof(ProfileForm.EmergingIndustries), "Emerging industries", ProfileField.EmergingIndustry, null, Eccp("emerging", "emergingindustries")),
            Terms(nameof(ProfileForm.TechnologyFields), "Technology fields", ProfileField.TechnologyField, "technology", Eccp("technology", "technologyfields")),
            Terms(nameof(ProfileForm.S3PriorityAreas), "S3 priority areas", ProfileField.S3PriorityArea, "s3", Eccp("s3", "s3eupriorityareas")),
            new(nameof(ClusterOrganisation.OtherSpecialisationAreas), Text, "Other specialisation areas")
                { MaxLength = 2000, Search = SearchRole.Text, Eccp = Block("other specialisation", "otherareasofspecialisation", "areasofspecialisation") },
        ]),
        new("composition", "Composition of the cluster", "composition", [
            new(nameof(ClusterOrganisation.TotalMembers), Count, "Total number of members") { Range = MemberCount, Facet = "members", Eccp = Eccp("total members", "totalnumberofmembers", "clustermembers") },
            new(nameof(ClusterOrganisation.SmeMembers), Count, "SME members") { Range = MemberCount, Eccp = Eccp("sme members", "numberofsmemembers", "smes", "smemembers") },
            new(nameof(ClusterOrganisation.StartupMembers), Count, "Start-up members") { Range = MemberCount, Eccp = Eccp("startups", "numberofstartups", "numberofstartupsamongsmemembers", "numberofstartupsamongsmes") },
            new(nameof(ClusterOrganisation.LargeCompanyMembers), Count, "Large company members") { Range = MemberCount, Eccp = Eccp("large members", "numberoflargercompanymembers", "largecompanies") },
            new(nameof(ClusterOrganisation.ResearchOrganisationMembers), Count, "Research and education organisations") { Range = MemberCount, Eccp = Eccp("research members", "numberofresearchorganisations") },
            new(nameof(ClusterOrganisation.OtherEcosystemActors), Count, "Other ecosystem actors") { Range = MemberCount, Eccp = Eccp("other actors", "numberofotherecosystemactors") },
            new(nameof(ProfileForm.SupportFacilities), Group, "Support facilities")
            {
                Eccp = Eccp("facilities", "entrepreneurshipandscaleupsupportfacilities") with { Rule = EccpRule.SupportFacilities },
                Group = new(typeof(FacilityRow), typeof(SupportFacility), "Facility {0}", "Add another facility", [
                    RowName(nameof(FacilityRow.Name), "Name", 300),
                    new(nameof(FacilityRow.Type), Text, "Type") { MaxLength = 200 },
                    new(nameof(FacilityRow.Website), Url, "Website") { MaxLength = 500 },
                ]),
            },
            new(nameof(ProfileForm.MajorPlayers), Group, "Major players")
            {
                Eccp = Eccp("major players", "nameandlinkofmajorplayers", "majorplayers") with { Rule = EccpRule.MajorPlayers },
                Group = new(typeof(MajorPlayerRow), typeof(MajorPlayer), "Major player {0}", "Add another major player", [
                    RowName(nameof(MajorPlayerRow.Name), "Name", 300),
                    new(nameof(MajorPlayerRow.Type), Text, "Type") { MaxLength = 200 },
                    new(nameof(MajorPlayerRow.Link), Url, "Website") { MaxLength = 500 },
                ]),
            },
        ]),
        new("strategy", "Cluster Strategy", "strategy", [
            new(nameof(ClusterOrganisation.StrategyMarkdown), Markdown, "Strategy")
                { MaxLength = MaxMarkdownLength, Search = SearchRole.Text, Eccp = Block("strategy", "clusterstrategy") },
            new(nameof(ClusterOrganisation.HasFormalisedStrategy), YesNo, "The cluster has a formalised strategy")
                { Partial = "/Profiles/Editing/Steps/_YesNoChoice.cshtml", Eccp = Eccp("formalised", "doyouhaveaformalisedstrategy") },
            new(nameof(ClusterOrganisation.HasInternationalisationFocus), YesNo, "The strategy has an internationalisation focus")
                { Partial = "/Profiles/Editing/Steps/_YesNoChoice.cshtml", Eccp = Eccp("internationalisation focus", "doyouhaveaspecificstrategyfocus") },
        ]),
        new("services", "Support services", "strategy", [
            Terms(nameof(ProfileForm.SupportServices), "Support services", ProfileField.SupportService, "service", Eccp("services", "supportservicesprovided")),
            new(nameof(ClusterOrganisation.SupportServicesMarkdown), Markdown, "About the support services")
                { MaxLength = MaxMarkdownLength, Search = SearchRole.Text, Eccp = Block("service details", "detailsofsupportservices") },
        ]),
        new("cooperation", "Cooperation Activities", "cooperation", [
            Terms(nameof(ProfileForm.EuropeanActivities), "Activities in Europe", ProfileField.EuropeanActivity, null,
                Eccp("european activities", "ourclusterorganisationundertookthefollowingactivitiesineurope")),
            new(nameof(ClusterOrganisation.CountriesInEurope), Countries, "Countries in Europe")
                { Facet = "cooperatesWith", Eccp = Eccp("countries in europe", "themaincountriesaddressedbytheclusterorganisationineurope") },
            Terms(nameof(ProfileForm.InternationalActivities), "Activities outside Europe", ProfileField.InternationalActivity, null,
                Eccp("international activities", "ourclusterorganisationundertookthefollowinginternationalactivities")),
            new(nameof(ClusterOrganisation.CountriesOutsideEurope), Countries, "Countries outside Europe")
                { Facet = "cooperatesWith", Eccp = Eccp("countries outside europe", "themaincountriesaddressedbytheclusterorganisationoutsideeurope") },
            new(nameof(ProfileForm.CollaboratingClusters), Group, "Collaborating clusters")
            {
                Eccp = Eccp("collaborating clusters", "whichclustersdoyoucollaboratewith") with { Rule = EccpRule.CollaboratingClusters },
                Group = new(typeof(PartnerRow), typeof(CollaboratingCluster), "Partner {0}", "Add another partner", [
                    RowName(nameof(PartnerRow.Name), "Name", 300),
                    new(nameof(PartnerRow.CountryCode), Country, "Country") { MaxLength = 2 },
                ]),
            },
        ]),
        new("programmes", "Support Programmes", "programmes", [
            new(nameof(ProfileForm.SupportProgrammes), Group, "Support Programmes")
            {
                Eccp = Block("programmes", "participationinfundedsupportprogrammes", "regionalnationalsupportprogrammes") with { Rule = EccpRule.SupportProgrammes },
                Group = new(typeof(ProgrammeRow), typeof(SupportProgramme), "Programme {0}", "Add another programme", [
                    RowName(nameof(ProgrammeRow.Name), "Name", 300) with { Search = SearchRole.Text },
                    new(nameof(ProgrammeRow.Level), Choice, "Level"),
                    new(nameof(ProgrammeRow.Link), Url, "Website") { MaxLength = 500 },
                    new(nameof(ProgrammeRow.Description), Text, "Description") { MaxLength = 2000, Search = SearchRole.Text },
                ]),
            },
        ]),
        new("stories", "Success Stories and Achievements", "programmes", [
            new(nameof(ProfileForm.SuccessStories), Group, "Success stories")
            {
                Eccp = Block("stories", "successstoryachievements", "successstories") with { Rule = EccpRule.SuccessStories },
                Group = new(typeof(StoryRow), typeof(SuccessStory), "Story {0}", "Add another story", [
                    new(nameof(StoryRow.Title), Text, "Title") { MaxLength = 300, Required = true, RequiredMessage = "Give the story a title.", Search = SearchRole.Text },
                    new(nameof(StoryRow.Text), Text, "Text") { MaxLength = 10_000, Search = SearchRole.Text },
                ]),
            },
        ]),
    ];

    /// <summary>Every field of the profile (not the fields of group rows), sections in page order, fields in form order.</summary>
    public static readonly IReadOnlyList<ProfileSchemaField> Fields = [.. Sections.SelectMany(s => s.Fields)];

    private static readonly Dictionary<string, ProfileSchemaField> ByName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    // Looked up for every field of every section on each profile page: once here, not by a search through the sections.
    private static readonly Dictionary<ProfileSchemaField, string> PageSections =
        Fields.ToDictionary<ProfileSchemaField, ProfileSchemaField, string>(f => f, f => f.PageSection ?? Sections.First(s => s.Fields.Contains(f)).Id, ReferenceEqualityComparer.Instance);

    public static ProfileSchemaField Field(string name) =>
        ByName.TryGetValue(name, out var field) ? field : throw new ArgumentException($"The profile schema has no field {name}.", nameof(name));

    public static ProfileSchemaField? Find(string? name) => name is not null && ByName.TryGetValue(name, out var field) ? field : null;

    /// <summary>Every key of the shared resource the schema names: titles, labels, row legends, messages.</summary>
    public static IEnumerable<string> ResourceKeys =>
        Steps.Select(s => s.Title)
            .Concat(Sections.Select(s => s.Title))
            .Concat(Fields.Concat(Fields.SelectMany(f => f.Group?.Fields ?? [])).SelectMany(f => new[] { f.Label, f.RequiredMessage, f.Range?.Message }))
            .Concat(Fields.Where(f => f.Group is not null).SelectMany(f => new[] { f.Group!.RowLegend, f.Group.AddLabel }))
            .OfType<string>().Where(k => k.Length > 0).Distinct();

    /// <summary>A field of a group's rows.</summary>
    public static ProfileSchemaField Field(string group, string rowField) =>
        Field(group).Group?.Fields.FirstOrDefault(f => f.Name == rowField) ?? throw new ArgumentException($"The group {group} has no field {rowField}.", nameof(rowField));

    /// <summary>The longest text a field takes (for the form's maxlength).</summary>
    public static int MaxLength(string name) => Field(name).MaxLength ?? throw new ArgumentException($"{name} has no length limit.", nameof(name));

    public static int MaxLength(string group, string rowField) => Field(group, rowField).MaxLength ?? throw new ArgumentException($"{group}.{rowField} has no length limit.", nameof(rowField));

    /// <summary>The section the page shows a field in.</summary>
    public static string PageSectionOf(ProfileSchemaField field) =>
        PageSections.TryGetValue(field, out var section) ? section : field.PageSection ?? Sections.First(s => s.Fields.Contains(field)).Id;

    private static EccpLabels Eccp(string reportName, params string[] keys) => new(reportName, keys);

    private static EccpLabels Block(string reportName, params string[] keys) => new(reportName, keys, TextBlock: true);

    private static ProfileSchemaField Terms(string name, string label, ProfileField field, string? facet, EccpLabels eccp) =>
        new(name, FieldKind.Terms, label) { TermField = field, Facet = facet, Search = SearchRole.Term, Eccp = eccp, Partial = "/Profiles/Editing/Steps/_TermChoices.cshtml" };

    /// <summary>The name of a row: without it the row is incomplete.</summary>
    private static ProfileSchemaField RowName(string name, string label, int maxLength) =>
        new(name, Text, label) { MaxLength = maxLength, Required = true, RequiredMessage = "Enter a name, or empty the whole row to leave it out." };
}
