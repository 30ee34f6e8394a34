using ClusterAtlas.Profiles;

namespace ClusterAtlas.Vocabularies;

/// <summary>The controlled vocabularies, their seed files and the profile fields that use them.</summary>
public static class Vocabulary
{
    public const string SectoralIndustries = "sectoral-industries";
    public const string EmergingIndustries = "emerging-industries";
    public const string TechnologyFields = "technology-fields";
    public const string S3PriorityAreas = "s3-priority-areas";
    public const string SupportServices = "support-services";
    public const string CooperationActivities = "cooperation-activities";
    public const string ManagementRoles = "management-roles";
    public const string MemberTypes = "member-types";
    public const string SupportFacilityTypes = "support-facility-types";

    /// <summary>Every vocabulary seeded from a file named after its key in Data/Seed.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        SectoralIndustries, EmergingIndustries, TechnologyFields, S3PriorityAreas, SupportServices,
        CooperationActivities, ManagementRoles, MemberTypes, SupportFacilityTypes,
    ];

    /// <summary>
    /// Whether a vocabulary's shipped order is its names' alphabetical order (sectors, technology fields...), which a
    /// reader in another language expects in their own alphabet; the others are in a deliberate order (member types
    /// from small to large, support services as the ECCP lists them) that every language keeps.
    /// </summary>
    public static bool IsListedByName(string vocabulary) =>
        vocabulary is SectoralIndustries or EmergingIndustries or TechnologyFields or S3PriorityAreas or ManagementRoles;

    /// <summary>
    /// The seed files of a vocabulary. The ECCP's newer form asks for upskilling and reskilling services apart; here they
    /// are terms of the support services (one profile field, one facet), kept in their own file (docs/decisions/0010).
    /// </summary>
    public static IReadOnlyList<string> FilesOf(string vocabulary) => vocabulary == SupportServices
        ? [SupportServices + ".txt", "upskilling-reskilling-services.txt"]
        : [vocabulary + ".txt"];

    /// <summary>Vocabularies whose terms may sit under a parent term (the directory's facet shows the tree).</summary>
    public static bool IsHierarchical(string vocabulary) => vocabulary == TechnologyFields;

    /// <summary>The vocabulary's name for people (translate it with the page's localizer).</summary>
    public static string NameOf(string vocabulary) => vocabulary switch
    {
        SectoralIndustries => "Sectoral industries",
        EmergingIndustries => "Emerging industries",
        TechnologyFields => "Technology fields",
        S3PriorityAreas => "S3 EU priority areas",
        SupportServices => "Support services",
        CooperationActivities => "Cooperation activity types",
        ManagementRoles => "Management roles",
        MemberTypes => "Member types",
        SupportFacilityTypes => "Types of support facilities",
        _ => vocabulary,
    };

    public static string For(ProfileField field) => field switch
    {
        ProfileField.SectoralIndustry => SectoralIndustries,
        ProfileField.EmergingIndustry => EmergingIndustries,
        ProfileField.TechnologyField => TechnologyFields,
        ProfileField.S3PriorityArea => S3PriorityAreas,
        ProfileField.SupportService => SupportServices,
        ProfileField.InternationalActivity or ProfileField.EuropeanActivity => CooperationActivities,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
