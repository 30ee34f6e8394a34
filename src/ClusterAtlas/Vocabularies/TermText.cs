using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Vocabularies;

/// <summary>Names of the vocabularies and of a term's status on the administrators' pages, in the reader's language.</summary>
public static class TermText
{
    public static string StatusName(TermStatus status, IStringLocalizer T) => status switch
    {
        TermStatus.Active => T["In use"],
        TermStatus.Proposed => T["Proposed"],
        TermStatus.Retired => T["Retired"],
        _ => status.ToString(),
    };

    public static string VocabularyName(string vocabulary, IStringLocalizer T) => vocabulary switch
    {
        Vocabulary.SectoralIndustries => T["Sectoral industries"],
        Vocabulary.EmergingIndustries => T["Emerging industries"],
        Vocabulary.TechnologyFields => T["Technology fields"],
        Vocabulary.S3PriorityAreas => T["S3 EU priority areas"],
        Vocabulary.SupportServices => T["Support services"],
        Vocabulary.CooperationActivities => T["Cooperation activity types"],
        Vocabulary.ManagementRoles => T["Management roles"],
        Vocabulary.MemberTypes => T["Member types"],
        Vocabulary.SupportFacilityTypes => T["Types of support facilities"],
        _ => vocabulary,
    };
}
