namespace ClusterAtlas.Profiles;

/// <summary>The profile fields that take vocabulary terms.</summary>
public enum ProfileField
{
    SectoralIndustry,
    EmergingIndustry,
    TechnologyField,
    S3PriorityArea,
    SupportService,
    InternationalActivity,
    EuropeanActivity,
}
