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
